import Foundation
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

@Suite("In-memory inbox: s keeps its row, u undoes, a template's slot blocks sending")
struct StatusUndoAndSlotLoopTests {
    func conversation(of first: String, _ fixture: InboxFixture) throws -> Conversation {
        let customer = try #require(try fixture.store.customer(email: first.lowercased() + "@example.org"))
        let summary = try #require(try fixture.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 50,
                                                                  agent: "sam").first { $0.customerID == customer.id })
        return try #require(try fixture.store.conversation(id: summary.id))
    }

    @Test("s, s, s on Dana's row in Mine cycles Dana's conversation only, though closed takes it out of Mine; u takes the last one back")
    func statusKeepsItsRow() throws {
        let fixture = try InboxFixture()
        try fixture.customerWrites("Gus", owner: "sam", subject: "Claim form", hoursAgo: 5)
        var inbox = fixture.inbox()
        #expect(inbox.lines[2].contains("Dana Whitfield") && inbox.lines[3].contains("Gus Whitfield"), "\(inbox.text)")
        inbox.press(.char("s"))
        inbox.press(.char("s"))
        #expect(try conversation(of: "Dana", fixture).status == .closed)
        #expect(inbox.lines[2].contains("Dana Whitfield") && inbox.lines[2].contains("closed"),
                "the closed row stays under the cursor: \(inbox.text)")
        #expect(inbox.text.contains("leaves Mine when you move on · u undoes"), "\(inbox.text)")
        inbox.press(.char("s"))
        #expect(try conversation(of: "Dana", fixture).status == .open)
        #expect(try conversation(of: "Gus", fixture).status == .open, "Gus was never touched")
        inbox.press(.char("u"))
        #expect(try conversation(of: "Dana", fixture).status == .closed, "u undid the last change: open → closed again")
        #expect(inbox.text.contains("Undone: Dana Whitfield is closed again"), "\(inbox.text)")
        inbox.press(.char("j"))
        #expect(!inbox.text.contains("Dana Whitfield"), "moving on lets the closed row go: \(inbox.text)")
        #expect(inbox.lines[2].contains("Gus Whitfield"), "\(inbox.text)")
        inbox.press(.char("u"))
        #expect(inbox.text.contains("Nothing to undo"), "one undo per change: \(inbox.text)")
    }

    @Test("t then u: Eli goes back to Unassigned with a new log entry, the take stays in the history")
    func undoATake() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.unassignedInbox()
        inbox.press(.char("t"))
        #expect(try fixture.owner(of: "Eli") == "sam")
        inbox.press(.char("u"))
        #expect(try fixture.owner(of: "Eli") == nil, "\(inbox.text)")
        #expect(inbox.text.contains("Undone: Eli Whitfield is back with Unassigned"), "\(inbox.text)")
        let eli = try #require(try fixture.store.customer(email: "eli@example.org"))
        let log = try fixture.store.assignments(customer: eli.id)
        #expect(log.suffix(2).map(\.to) == ["sam", nil], "\(log)")
        #expect(log.last?.note?.hasPrefix("undo") == true)
    }

    @Test("a template with a slot: the cursor is on it, Ctrl-S refuses while it is there, typing over it lets the reply go")
    func slotBlocksSending() throws {
        let fixture = try InboxFixture()
        // The apology template is for existing customers.
        try fixture.customerWrites("Hana", owner: "sam", subject: "Double charge", hoursAgo: 1, existing: true)
        let delivery = BackgroundDelivery(outbox: fixture.store, transport: SendmailTransport(command: ["/bin/true"]), sentMaildir: nil)
        let library = TemplateLibrary.load(shipped: repositoryTemplates, user: nil)
        let services = ComposerServices(outbox: fixture.store, templates: library, delivery: delivery)
        var inbox = fixture.inbox(composer: services)
        inbox.press(.char("r"))
        inbox.press(.ctrl("t"))
        inbox.type("apology")
        inbox.press(.enter)
        #expect(inbox.text.contains("What happened: [[what went wrong]]"), "\(inbox.text)")
        #expect(inbox.text.contains("type “what went wrong”"), "\(inbox.text)")
        inbox.press(.right)   // moving on leaves the slot as text
        inbox.press(.ctrl("s"))
        #expect(inbox.text.contains("Not sent — slot (line 5)"), "\(inbox.text)")
        #expect(try fixture.store.outbox(states: Set(OutboxState.allCases)).isEmpty)
        inbox.press(.left)
        for _ in 0..<"[[what went wrong]]".count { inbox.press(.delete) }
        inbox.type("I charged you twice.")
        inbox.press(.ctrl("s"))
        delivery.waitUntilIdle()
        inbox.settle()
        let queued = try fixture.store.outbox(states: Set(OutboxState.allCases))
        #expect(queued.count == 1, "\(inbox.text)")
        let message = try #require(try fixture.store.messages(conversation: queued[0].conversationID).last)
        #expect(message.text.contains("What happened: I charged you twice.\n"), "\(message.text)")
    }
}

/// The repository's templates/ directory.
let repositoryTemplates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("templates").path
