import Foundation
import RapportApp
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing

/// A reply that did not go out is seen by every agent, not only by the session that sent it: the
/// status bar counts it, the thread marks it, and `D` sends it again or records it as sent.
@Suite struct DeliveryStateTests {
    struct Refusing: MailTransport {
        func deliver(_ rfc822: String) throws { throw OutboundError.deliveryFailed("sendmail exited with status 75") }
    }

    /// Priya's reply to Farah, refused by the mail system in another process.
    func priyasFailedReply(_ fixture: InboxFixture) throws -> ConversationID {
        let other = try SQLiteStore(path: fixture.path)
        let farah = try #require(try other.customer(email: "farah@example.org"))
        let conversation = try #require(try other.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10,
                                                                agent: "priya").first { $0.customerID == farah.id })
        try Replies(store: other, clock: { fixture.now }).queue(conversation: conversation.id, agent: "priya",
                                                                text: "Hi Farah,\n\nThe date is moved to the 5th.\n\nPriya")
        let report = try Delivery(store: other, transport: Refusing()).run(now: { fixture.now })
        #expect(report.failed.count == 1)
        return conversation.id
    }

    @Test("Priya's failed reply shows in Sam's status bar and thread; D then r sends it again from Sam's inbox")
    func failureSeenByEveryoneAndRetried() throws {
        let fixture = try InboxFixture()
        let sent = fixture.folder.path("sent.eml")
        let sendmail = fixture.folder.path("sendmail")
        try "#!/bin/sh\ncat > \"\(sent)\"\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        let delivery = BackgroundDelivery(outbox: fixture.store, transport: SendmailTransport(command: [sendmail]), sentMaildir: nil)
        let services = ComposerServices(outbox: fixture.store, templates: TemplateLibrary(shipped: []), delivery: delivery)
        var inbox = fixture.inbox(composer: services)
        #expect(!inbox.text.contains("not delivered"))

        _ = try priyasFailedReply(fixture)
        inbox.settle()   // the change feed: no key pressed
        #expect(inbox.lines[38].contains("✗ 1 not delivered"), "\(inbox.text)")

        inbox.press(.char("3"))   // All: Farah's conversation is the newest
        inbox.press(.enter)
        #expect(inbox.text.contains("Priya to farah@example.org · ✗ not delivered (D): sendmail exited"), "\(inbox.text)")
        inbox.press(.char("D"))
        #expect(inbox.lines[39].contains("r retry · s mark as sent · Esc leave — the reply to farah@example.org was not delivered: sendmail exited with status 75"),
                "\(inbox.text)")
        inbox.press(.char("r"))
        delivery.waitUntilIdle()
        inbox.settle()
        #expect(inbox.text.contains("Reply to Farah Whitfield sent to farah@example.org"), "\(inbox.text)")
        #expect(!inbox.text.contains("not delivered"), "\(inbox.text)")
        #expect(try String(contentsOfFile: sent, encoding: .utf8).contains("The date is moved to the 5th."))
        #expect(try fixture.store.outbox(states: [.sent]).count == 1)
    }

    @Test("D, s records a failed reply as sent without sending it; Esc leaves it; D with nothing stuck says so")
    func markAsSentAndLeave() throws {
        let fixture = try InboxFixture()
        let delivery = BackgroundDelivery(outbox: fixture.store, transport: Refusing(), sentMaildir: nil)
        let services = ComposerServices(outbox: fixture.store, templates: TemplateLibrary(shipped: []), delivery: delivery)
        var inbox = fixture.inbox(composer: services)
        inbox.press(.enter)   // Dana's conversation: nothing stuck
        inbox.press(.char("D"))
        #expect(inbox.text.contains("Nothing to decide"), "\(inbox.text)")
        inbox.press(.char("q"))

        _ = try priyasFailedReply(fixture)
        inbox.settle()
        inbox.press(.char("3"))
        inbox.press(.enter)
        inbox.press(.char("D"))
        inbox.press(.escape)
        #expect(inbox.text.contains("Left as it is"), "\(inbox.text)")
        #expect(try fixture.store.outbox(states: [.failed]).count == 1)
        inbox.press(.char("D"))
        inbox.press(.char("s"))
        #expect(inbox.text.contains("Recorded as sent: the reply to Farah Whitfield"), "\(inbox.text)")
        #expect(try fixture.store.outbox(states: [.sent]).count == 1)
        #expect(!inbox.text.contains("not delivered"), "\(inbox.text)")
    }
}
