import Foundation
import GRDB
import RapportApp
import RapportCore
import Testing
import TestSupport
@testable import RapportMail
@testable import RapportStore

/// A transport that records what it was given and fails when told to.
final class RecordingTransport: MailTransport, @unchecked Sendable {
    var delivered: [String] = []
    var failure: String?

    func deliver(_ rfc822: String) throws {
        if let failure { throw OutboundError.deliveryFailed(failure) }
        delivered.append(rfc822)
    }
}

/// A store where Dana (owned by Sam) wrote twice, the second time from a new address.
func threadWithDana() throws -> (IngestFixture, ConversationID) {
    let fixture = try IngestFixture()
    try fixture.store.addCustomer(NewCustomer(firstName: "Dana", lastName: "Ólafsdóttir", email: "dana@example.org", owner: "sam"), by: "sam")
    try fixture.store.addAddress("dana@home.example", to: fixture.store.customer(email: "dana@example.org")!.id)
    try fixture.deliver(mail(from: "Dana <dana@example.org>", subject: "Renewal quote", id: "q1@example.org", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
    try fixture.deliver(mail(from: "Dana <dana@home.example>", subject: "Re: Renewal quote", id: "q2@home.example",
                             date: "Tue, 2 Apr 2024 10:00:00 +0000", inReplyTo: "q1@example.org"))
    _ = try fixture.ingest()
    let id = try #require(try fixture.conversationID(ofMessage: "q2@home.example"))
    return (fixture, id)
}

@Suite("Building and delivering replies")
struct DeliveryTests {
    @Test("a reply is built from the agent's own address, to where the customer last wrote, threaded")
    func builtReply() throws {
        let (fixture, conversation) = try threadWithDana()
        let item = try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana,\n\nThe quote is 12 € a month — done.\n\nSam")
        let transport = RecordingTransport()
        let report = try Delivery(store: fixture.store, transport: transport).run()
        #expect(report.sent.map(\.id) == [item.id])
        let raw = try #require(transport.delivered.first)
        #expect(raw.contains("Content-Transfer-Encoding: quoted-printable"))
        let back = try MessageParser.parse(bytes: Data(raw.utf8))
        #expect(back.from == Mailbox(name: "Sam Ortiz", address: "sam@example.com"))
        #expect(back.replyTo.map(\.address) == ["sam@example.com"])
        #expect(back.to.map(\.address) == ["dana@home.example"])
        #expect(back.to.first?.name == "Dana Ólafsdóttir")
        let toLine = try #require(raw.split(separator: "\n").first { $0.hasPrefix("To:") })
        #expect(toLine.contains("=?") && toLine.allSatisfy(\.isASCII))   // RFC 2047 for the non-ASCII name
        #expect(back.subject == "Re: Renewal quote")                    // not "Re: Re: …"
        #expect(back.inReplyTo == "q2@home.example")
        #expect(back.references == ["q1@example.org", "q2@home.example"])
        #expect(back.messageID?.hasSuffix("@example.com") == true)
        #expect(back.date != nil)
        #expect(back.text == "Hi Dana,\n\nThe quote is 12 € a month — done.\n\nSam")
        #expect(try fixture.store.outbox(states: [.sent]).map(\.id) == [item.id])
    }

    @Test("a legal footer is appended at send time below a '-- ' line; the stored reply and the policy never see it")
    func legalFooter() throws {
        let (fixture, conversation) = try threadWithDana()
        let text = "Hi Dana,\n\nThe quote is 12 € a month — done.\n\nSam"
        let item = try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: text)
        let transport = RecordingTransport()
        var delivery = Delivery(store: fixture.store, transport: transport)
        delivery.legalFooter = "Acme Versicherung GmbH · Hauptstraße 1, 10115 Berlin\nAmtsgericht Charlottenburg HRB 12345"
        #expect(try delivery.run().sent.map(\.id) == [item.id])
        let back = try MessageParser.parse(bytes: Data(try #require(transport.delivered.first).utf8))
        #expect(back.text == text + "\n\n-- \nAcme Versicherung GmbH · Hauptstraße 1, 10115 Berlin\nAmtsgericht Charlottenburg HRB 12345")
        let stored = try #require(try fixture.store.messages(conversation: conversation).last)
        #expect(stored.text == text, "the thread shows the reply as written")
        #expect(ReplyPolicy.check(text, customer: try #require(try fixture.store.customer(email: "dana@example.org")),
                                  agent: try #require(try fixture.store.agent(login: "sam")), isExisting: true,
                                  limits: .standard).isEmpty)
    }

    @Test("without a legal footer the body is the reply alone")
    func noLegalFooterByDefault() {
        #expect(ReplyBuilder.body("Hi Dana,\n\nDone.\n\nSam  \n", legalFooter: nil) == "Hi Dana,\n\nDone.\n\nSam\n")
        #expect(ReplyBuilder.body("Hi Dana,\n\nDone.\n\nSam", legalFooter: "  \n") == "Hi Dana,\n\nDone.\n\nSam\n")
        #expect(ReplyBuilder.body("Sam", legalFooter: "Acme Ltd  \nNo. 42\n") == "Sam\n\n-- \nAcme Ltd\nNo. 42\n")
    }

    @Test("only the owner may queue a reply; a no-reply agent address is refused at send time too")
    func refusals() throws {
        let (fixture, conversation) = try threadWithDana()
        try fixture.store.addAgent(Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com"))
        #expect(throws: RapportError.notOwner(customer: "Dana Ólafsdóttir", owner: "sam")) {
            try Replies(store: fixture.store).queue(conversation: conversation, agent: "priya", text: "Hi")
        }
        // An address that slipped in before the rule (written straight to the table) is still refused when sending.
        try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana")
        try fixture.store.pool.write { db in try db.execute(sql: "UPDATE agent SET email = 'no-reply@example.com' WHERE login = 'sam'") }
        let transport = RecordingTransport()
        let report = try Delivery(store: fixture.store, transport: transport).run()
        #expect(transport.delivered.isEmpty)
        #expect(report.failed.first?.error?.contains("no-reply") == true)
    }

    @Test("no-reply addresses are recognised in their usual spellings")
    func noReplyPatterns() {
        for address in ["noreply@x.com", "no-reply@x.com", "do-not-reply@x.com", "DoNotReply@x.com", "no_reply@x.com"] {
            #expect(NoReply.isNoReplyAddress(address), "\(address)")
        }
        #expect(!NoReply.isNoReplyAddress("sam@x.com"))
    }

    @Test("a failing sendmail leaves the message failed with its reason; the next run retries it")
    func failingSendmail() throws {
        let (fixture, conversation) = try threadWithDana()
        let item = try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana")
        let script = fixture.dir.path("broken-sendmail")
        try "#!/bin/sh\ncat >/dev/null\necho 'relay refused: no route' >&2\nexit 75\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let report = try Delivery(store: fixture.store, transport: SendmailTransport(command: [script, "-t", "-oi"])).run()
        #expect(report.sent.isEmpty)
        let failed = try #require(try fixture.store.outbox(states: [.failed]).first)
        #expect(failed.id == item.id)
        #expect(failed.error == "\(script) exited with status 75: relay refused: no route")

        let missing = try Delivery(store: fixture.store, transport: SendmailTransport(command: [fixture.dir.path("nope")])).run()
        #expect(missing.failed.first?.error?.contains("not found") == true)

        let transport = RecordingTransport()
        let retry = try Delivery(store: fixture.store, transport: transport).run()
        #expect(retry.sent.map(\.id) == [item.id])
        #expect(try fixture.store.outbox(states: [.sent]).first?.attempts == 3)
    }

    @Test("a message found in sending after a crash is reported and not sent again")
    func interruptedSend() throws {
        let (fixture, conversation) = try threadWithDana()
        let item = try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana")
        // Claimed by a process whose claim ran out unrenewed: it died.
        let expired = OutboxClaim(claimant: "gone:4242:1", until: Date().addingTimeInterval(-1))
        _ = try #require(try fixture.store.claimForSending(item.id, claim: expired, at: Date()))
        let transport = RecordingTransport()
        let report = try Delivery(store: fixture.store, transport: transport).run()
        #expect(transport.delivered.isEmpty)
        #expect(report.needsAttention.map(\.id) == [item.id])
        try fixture.store.resolveSending(item.id, to: .queued, at: Date())
        #expect(try Delivery(store: fixture.store, transport: transport).run().sent.map(\.id) == [item.id])
        #expect(transport.delivered.count == 1)
    }

    @Test("a copy of each sent message lands in the Sent Maildir (tmp/ then new/)")
    func sentCopy() throws {
        let (fixture, conversation) = try threadWithDana()
        try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana")
        let sent = fixture.dir.path("Sent")
        _ = try Delivery(store: fixture.store, transport: RecordingTransport(), sentMaildir: sent).run()
        let files = try Maildir(root: sent).entries()
        #expect(files.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sent + "/tmp").isEmpty)
        #expect(try MessageParser.parse(file: files[0].path).from?.address == "sam@example.com")
    }

    @Test("end to end: msmtp delivers to an aiosmtpd server on 127.0.0.1")
    func msmtpToLoopbackSMTP() throws {
        let msmtp = try #require(which("msmtp"), "msmtp is installed by scripts/ensure-packages")

        let (fixture, conversation) = try threadWithDana()
        let received = fixture.dir.path("received")
        let server = try LoopbackSMTP(maildir: received)
        defer { server.stop() }

        let config = fixture.dir.path("msmtprc")
        try """
        defaults
        auth off
        tls off
        account default
        host 127.0.0.1
        port \(server.port)
        """.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)

        try Replies(store: fixture.store).queue(conversation: conversation, agent: "sam", text: "Hi Dana,\n\nDone — see you.\n\nSam")
        let transport = SendmailTransport(command: [msmtp, "-C", config, "--read-envelope-from", "-t"])
        let report = try Delivery(store: fixture.store, transport: transport).run()
        #expect(report.failed.isEmpty, "\(report.failed)")
        #expect(report.sent.count == 1)
        server.stop()

        let files = try Maildir(root: received).entries()
        let arrived = try MessageParser.parse(file: try #require(files.first).path)
        let queued = try #require(try fixture.store.messages(conversation: conversation).last)
        #expect(arrived.from?.address == "sam@example.com")
        #expect(arrived.replyTo.map(\.address) == ["sam@example.com"])
        #expect(arrived.inReplyTo == "q2@home.example")
        #expect(arrived.messageID == queued.messageID)
        #expect(arrived.text == "Hi Dana,\n\nDone — see you.\n\nSam")
    }
}
