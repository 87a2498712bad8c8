import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import Testing

@Suite("In-memory inbox: U marks unread, J / K step through conversations, unknown keys say so")
struct ReadingLoopTests {
    func unread(_ first: String, _ fixture: InboxFixture) throws -> Bool? {
        let customer = try #require(try fixture.store.customer(email: first.lowercased() + "@example.org"))
        return try fixture.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 50, agent: "sam")
            .first { $0.customerID == customer.id }?.unread
    }

    @Test("open Dana's conversation, J to Gus's, U: Gus is unread again in the store and the list, Dana stays read")
    func stepAndMarkUnread() throws {
        let fixture = try InboxFixture()
        try fixture.customerWrites("Gus", owner: "sam", subject: "Claim form", hoursAgo: 5)
        var inbox = fixture.inbox()
        inbox.press(.enter)
        #expect(inbox.text.contains("Renewal quote"), "\(inbox.text)")
        inbox.press(.char("J"))
        #expect(inbox.text.contains("a question about claim form"), "J opened Gus's conversation: \(inbox.text)")
        #expect(try unread("Gus", fixture) == false && unread("Dana", fixture) == false)
        inbox.press(.char("J"))
        #expect(inbox.text.contains("No next conversation in this list"), "\(inbox.text)")
        inbox.press(.char("U"))
        #expect(try unread("Gus", fixture) == true)
        #expect(try unread("Dana", fixture) == false)
        #expect(inbox.text.contains("Marked unread: Gus Whitfield"), "back on the list: \(inbox.text)")
        inbox.press(.char("x"))
        #expect(inbox.text.contains("no action for x — ? for help"), "\(inbox.text)")
        inbox.press(.char("?"))
        #expect(inbox.text.contains("mark unread") && inbox.text.contains("next conversation of the list"), "\(inbox.text)")
    }

    @Test("the assign picker shows each agent's open conversations")
    func pickerShowsLoads() throws {
        let fixture = try InboxFixture()
        try fixture.customerWrites("Gus", owner: "sam", subject: "Claim form", hoursAgo: 5)
        var inbox = fixture.inbox()
        inbox.press(.char("a"))
        let sam = try #require(inbox.lines.first { $0.contains("Sam Ortiz") })
        let priya = try #require(inbox.lines.first { $0.contains("Priya Raman") })
        #expect(sam.contains("owner · 2 open"), "\(inbox.text)")
        #expect(priya.contains("1 open") && !priya.contains("owner"), "\(inbox.text)")
    }

    @Test("o then Priya: her customers' open and pending conversations; Esc returns to Mine")
    func ownerList() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        inbox.press(.char("o"))
        #expect(inbox.text.contains("Whose conversations?"), "\(inbox.text)")
        inbox.type("pri")
        inbox.press(.enter)
        #expect(inbox.text.contains("Owner: Priya Raman — open and pending"), "\(inbox.text)")
        #expect(inbox.text.contains("Farah Whitfield") && !inbox.text.contains("Dana Whitfield"), "\(inbox.text)")
        inbox.press(.escape)
        #expect(inbox.text.contains("Dana Whitfield") && !inbox.text.contains("Farah Whitfield"), "back in Mine: \(inbox.text)")
    }
}
