import Foundation
import RapportCore
import RapportStore
import RapportTUI
import Testing

/// Mentions and takeovers through the whole inbox on a real store: Priya writes a note naming Sam and
/// then takes Dana from him, in her inbox; Sam's inbox (another store instance) counts them on the status
/// bar, lists them in view 9 with the note, and the count clears once he has looked.
@Suite struct ForYouLoopTests {
    @Test("Priya's @Sam note and her takeover of Dana reach Sam's For you, with the handoff note")
    func mentionThenTakeover() throws {
        let fixture = try InboxFixture()
        let (services, _, _) = try fixture.capturingDelivery()
        var sam = fixture.inbox()
        #expect(!sam.text.contains("for you (9)"), "\(sam.text)")

        let priyaStore = try SQLiteStore(path: fixture.path)
        var priya = fixture.inbox(composer: services, agent: fixture.priya, store: priyaStore)
        priya.press(.char("3"))   // All: Dana (Sam's) is the newest row
        priya.press(.char("g"), .enter)
        #expect(priya.text.contains("Renewal quote · Dana Whitfield"), "\(priya.text)")
        priya.press(.char("n"))
        priya.type("@sam she rang about the quote")
        priya.press(.ctrl("s"))
        sam.settle()   // one poll of the store: no key pressed
        #expect(sam.text.contains("@ 1 for you (9)"), "\(sam.text)")
        let marked = try #require(sam.lines.first { $0.contains("Dana Whitfield") })
        #expect(marked.hasPrefix("@"), "Dana's row in Mine is marked: \(marked)")

        priya.press(.char("t"))
        priya.type("She asked for me")
        priya.press(.enter)
        #expect(try fixture.owner(of: "Dana") == "priya")
        sam.settle()
        #expect(sam.text.contains("@ 2 for you (9)"), "\(sam.text)")

        sam.press(.char("9"))
        #expect(sam.text.contains("taken by Priya: “She asked for me”"), "\(sam.text)")
        #expect(!sam.text.contains("for you (9)"), "looking clears the count: \(sam.text)")
        let row = try #require(sam.lines.first { $0.contains("Dana Whitfield") })
        #expect(row.hasPrefix("●"), "the row is marked unread for this look: \(row)")
        sam.press(.char("1"))
        #expect(!sam.lines.contains { $0.hasPrefix("@") }, "and the marks in the other lists: \(sam.text)")
    }

    @Test("a note's mention shows in For you as the note, and Enter opens its conversation")
    func mentionRow() throws {
        let fixture = try InboxFixture()
        let (services, _, _) = try fixture.capturingDelivery()
        let priyaStore = try SQLiteStore(path: fixture.path)
        var priya = fixture.inbox(composer: services, agent: fixture.priya, store: priyaStore)
        priya.press(.enter)       // Farah, Priya's own
        priya.press(.char("n"))
        priya.type("@Sam do you know Farah's broker?")
        priya.press(.ctrl("s"))
        var sam = fixture.inbox()
        sam.press(.char("9"))
        #expect(sam.text.contains("note from Priya: @Sam do you know Farah's broker?"), "\(sam.text)")
        sam.press(.enter)
        #expect(sam.text.contains("Direct debit date · Farah Whitfield"), "\(sam.text)")
    }
}
