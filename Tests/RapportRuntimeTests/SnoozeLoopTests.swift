import Foundation
import RapportApp
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import Testing

@Suite("In-memory inbox: z snoozes, a due snooze comes back unread at the top of Mine")
struct SnoozeLoopTests {
    func conversation(of first: String, _ fixture: InboxFixture) throws -> Conversation {
        let customer = try #require(try fixture.store.customer(email: first.lowercased() + "@example.org"))
        let found = try fixture.store.conversations(ConversationQuery(includeSnoozed: true), from: nil, direction: .after,
                                                    limit: 50, agent: "sam").first { $0.customerID == customer.id }
        let id = try #require(found).id
        return try #require(try fixture.store.conversation(id: id))
    }

    @Test("z on Dana's row: a time that cannot be read keeps the prompt; 3d snoozes her out of Mine; her answer brings her back")
    func snoozeFromTheList() throws {
        let fixture = try InboxFixture()
        try fixture.customerWrites("Gus", owner: "sam", subject: "Claim form", hoursAgo: 5)
        var inbox = fixture.inbox()
        #expect(inbox.lines[2].contains("Dana Whitfield"), "\(inbox.text)")
        inbox.press(.char("z"))
        #expect(inbox.text.contains("Snooze Dana Whitfield: 1 later today · 2 tomorrow 9:00 · 3 next Monday 9:00"),
                "\(inbox.text)")
        inbox.type("soon")
        inbox.press(.enter)
        #expect(inbox.text.contains("cannot read “soon” as a time"), "\(inbox.text)")
        for _ in 0..<4 { inbox.press(.backspace) }
        inbox.type("3d")
        inbox.press(.enter)
        let dana = try conversation(of: "Dana", fixture)
        #expect(dana.snoozedUntil == fixture.now.addingTimeInterval(3 * 86_400))
        #expect(inbox.text.contains("Snoozed Dana Whitfield until"), "\(inbox.text)")
        #expect(!inbox.text.contains("Renewal quote"), "out of Mine: \(inbox.text)")
        #expect(inbox.lines[2].contains("Gus Whitfield"), "\(inbox.text)")
        #expect(try fixture.store.counts(agent: "sam").mine == 1)

        // Her answer is filed by another process (`rapport sync`).
        let other = try SQLiteStore(path: fixture.path)
        try other.appendMessage(NewMessage(conversationID: dana.id, direction: .inbound, from: "dana@example.org",
                                                   to: ["sam@example.com"], subject: "Re: Renewal quote", text: "Any news?",
                                                   messageID: "dana-2@example.org", date: fixture.now))
        inbox.settle()
        #expect(inbox.lines[2].contains("Dana Whitfield") && inbox.lines[2].contains("●"), "back, unread, on top: \(inbox.text)")
        #expect(try conversation(of: "Dana", fixture).snoozedUntil == nil)
    }

    @Test("a snooze due when the inbox starts: the conversation is open again, unread and first in Mine")
    func dueSnoozeWakesAtStart() throws {
        let fixture = try InboxFixture()
        let farah = try fixture.customerWrites("Gus", owner: "sam", subject: "Claim form", hoursAgo: 50)
        let gus = try conversation(of: "Gus", fixture)
        #expect(farah.id == gus.customerID)
        try fixture.store.markSeen(conversation: gus.id, agent: "sam", at: fixture.now)
        try fixture.store.setStatus(.closed, conversation: gus.id)
        try fixture.store.setSnooze(conversation: gus.id, until: fixture.now.addingTimeInterval(-60))
        let inbox = fixture.inbox()
        #expect(inbox.lines[2].contains("Gus Whitfield") && inbox.lines[2].contains("●"), "\(inbox.text)")
        #expect(try conversation(of: "Gus", fixture).status == .open)
        #expect(try Snoozes(store: fixture.store).list().isEmpty)
    }
}
