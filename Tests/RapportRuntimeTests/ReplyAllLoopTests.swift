import Foundation
import RapportCore
import RapportRuntime
import Testing

/// Reply-all through the whole inbox on a real store: the composer shows who is copied, Ctrl-R
/// leaves them out, and the sent message carries (or not) the Cc header.
@Suite struct ReplyAllLoopTests {
    /// Dana writes again, copying Alex and Priya (an agent), to Sam and the team's shared inbox.
    func danaCopiesAlex(_ fixture: InboxFixture) throws {
        let dana = try #require(try fixture.store.customer(email: "dana@example.org"))
        let conversation = try #require(try fixture.store.conversations(
            ConversationQuery(), from: nil, direction: .after, limit: 10, agent: "sam").first { $0.customerID == dana.id })
        try fixture.store.appendMessage(NewMessage(
            conversationID: conversation.id, direction: .inbound, from: "dana@example.org",
            to: ["sam@example.com", "support@example.com"], cc: ["alex@home.example", "priya@example.com"],
            subject: "Re: Renewal quote", text: "Alex is copied: he pays.", messageID: "dana-2@example.org",
            inReplyTo: "dana-1@example.org", date: fixture.now.addingTimeInterval(-600)))
    }

    @Test("the reply copies Alex (never an agent or the team's inbox); Ctrl-R leaves everyone but the customer out", arguments: [false, true])
    func replyAll(leaveOut: Bool) throws {
        let fixture = try InboxFixture()
        try danaCopiesAlex(fixture)
        let (services, delivery, sent) = try fixture.capturingDelivery()
        var inbox = fixture.inbox(composer: services)
        inbox.press(.enter)
        #expect(inbox.text.contains("cc alex@home.example, priya@example.com"), "\(inbox.text)")
        inbox.press(.char("r"))
        #expect(inbox.text.contains("To dana@example.org · Cc alex@home.example · Ctrl-R reply-all on"), "\(inbox.text)")
        if leaveOut { inbox.press(.ctrl("r")) }
        #expect(inbox.text.contains(leaveOut ? "Ctrl-R reply-all off" : "Ctrl-R reply-all on"), "\(inbox.text)")
        for (i, line) in ["Hi Dana,", "", "Alex is on the policy now.", "", "Sam"].enumerated() {
            if i > 0 { inbox.press(.enter) }
            inbox.type(line)
        }
        inbox.press(.ctrl("s"))
        delivery.waitUntilIdle()
        inbox.settle()
        let mail = try String(contentsOfFile: sent, encoding: .utf8)
        let cc = mail.split(separator: "\n").first { $0.hasPrefix("Cc:") }.map(String.init)
        #expect(cc == (leaveOut ? nil : "Cc: alex@home.example"), "\(mail)")
        #expect(mail.contains("To: Dana Whitfield <dana@example.org>"), "\(mail)")
    }
}
