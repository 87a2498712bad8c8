import Foundation
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

/// The tmux scenarios of Tests/EndToEndTests, run through the same loop (`Program`) on an
/// in-memory screen: keys are scripted, the loop runs until idle, the screen is read as text,
/// and the store file has the last word.
@Suite("The inbox loop in memory")
struct InboxLoopTests {
    @Test("t takes the customer under the cursor: the row and the store say so")
    func take() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.unassignedInbox()
        #expect(inbox.text.contains("· Unassigned ·"), "\(inbox.text)")
        #expect(inbox.lines[2].contains("Eli Whitfield"), "\(inbox.text)")
        inbox.press(.char("t"))
        #expect(inbox.text.contains("Eli Whitfield is now looked after by you"), "\(inbox.text)")
        #expect(try fixture.owner(of: "Eli") == "sam")
    }

    @Test("a opens the picker; part of a name and Enter assign to that agent")
    func assignWithThePicker() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.unassignedInbox()
        inbox.press(.char("a"))
        #expect(inbox.text.contains("Assign Eli Whitfield"), "\(inbox.text)")
        #expect(inbox.text.contains("Priya Raman"), "\(inbox.text)")
        inbox.type("pri")
        #expect(inbox.text.contains("to: pri"), "\(inbox.text)")
        #expect(!inbox.text.contains("Sam Ortiz  sam"), "the filter leaves Sam out: \(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("Eli Whitfield is now looked after by Priya"), "\(inbox.text)")
        #expect(try fixture.owner(of: "Eli") == "priya")
    }

    @Test("Taking someone else's customer asks for a handoff note first, and refuses an empty one")
    func handoffPrompt() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        inbox.press(.char("3"))
        let row = try #require(inbox.lines.firstIndex { $0.contains("Farah Whitfield") }, "\(inbox.text)")
        for _ in 0..<(row - 2) { inbox.press(.down) }
        inbox.press(.char("t"))
        #expect(inbox.text.contains("Handoff note (Farah Whitfield from Priya)"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("A handoff note is needed"), "\(inbox.text)")
        #expect(try fixture.owner(of: "Farah") == "priya")
        inbox.type("She wants a call on Monday")
        inbox.press(.enter)
        #expect(inbox.text.contains("Farah Whitfield is now looked after by you"), "\(inbox.text)")
        #expect(try fixture.owner(of: "Farah") == "sam")
    }

    @Test("r, a reply the policy accepts, Ctrl-S: the outbox delivers it through sendmail and the screen says so")
    func composeAndSend() throws {
        let fixture = try InboxFixture()
        let (services, delivery, sent) = try fixture.capturingDelivery()
        var inbox = fixture.inbox(composer: services)
        #expect(inbox.lines[2].contains("Dana Whitfield"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("Renewal quote"), "\(inbox.text)")
        inbox.press(.char("r"))
        #expect(inbox.text.contains("Reply to "), "\(inbox.text)")
        for (i, line) in ["Hi Dana,", "", "The quote is 12 € a month — done.", "", "Sam"].enumerated() {
            if i > 0 { inbox.press(.enter) }
            inbox.type(line)
        }
        #expect(inbox.text.contains("The quote is 12 € a month — done."), "\(inbox.text)")
        inbox.press(.ctrl("s"))
        delivery.waitUntilIdle()
        inbox.settle()   // the delivery result comes back through the loop's background source
        #expect(inbox.text.contains("sent to "), "\(inbox.text)")
        let mail = try String(contentsOfFile: sent, encoding: .utf8)
        #expect(mail.contains("Hi Dana,") && mail.contains("In-Reply-To: <dana-1@example.org>"), "\(mail)")
        #expect(try fixture.store.outbox(states: [.sent]).count == 1)
    }

    @Test("A customer who writes in another process's commit shows up without a key")
    func liveUpdateFromAnotherProcess() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.unassignedInbox()
        #expect(!inbox.text.contains("Gus Whitfield"))
        let other = try SQLiteStore(path: fixture.path)
        try fixture.customerWrites("Gus", owner: nil, subject: "Lost my policy documents", hoursAgo: 1, in: other)
        inbox.settle()   // one poll of the store: no key pressed
        #expect(inbox.text.contains("Gus Whitfield"), "\(inbox.text)")
        #expect(inbox.text.contains("Lost my policy documents"), "\(inbox.text)")
    }

    @Test("At 40×10 the layout is compact and nothing is wider than the screen; the picker still fits")
    func resizeTo40x10() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        #expect(inbox.lines.count == 40)
        inbox.screen.resize(width: 40, height: 10)
        inbox.settle()
        #expect(inbox.lines.count == 10)
        #expect(inbox.lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(inbox.text)")
        #expect(inbox.text.contains("1Mine"), "\(inbox.text)")
        #expect(inbox.lines[1].contains("Dana Whitfi…"), "names are cut to their column: \(inbox.text)")
        inbox.press(.char("a"))
        #expect(inbox.text.contains("Enter assign"), "\(inbox.text)")
        inbox.screen.resize(width: 30, height: 8)
        inbox.settle()
        #expect(inbox.text.contains("Terminal too small"), "\(inbox.text)")
    }

    @Test("q quits the loop, and the store writes waiting for the frame are done first")
    func quitFinishesWaitingWork() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        inbox.screen.press(.char("2"))
        #expect(inbox.program.runUntilIdle() == nil)
        inbox.screen.press(.char("t"), .char("q"))
        #expect(inbox.program.runUntilIdle() == .quit)
        #expect(try fixture.owner(of: "Eli") == "sam")
    }
}
