import Testing
import RapportCore

@Suite("noreply rule and detector")
struct NoReplyRuleTests {
    @Test("no-reply addresses", arguments: [
        "noreply@acme.example", "no-reply@acme.example", "no_reply@acme.example", "donotreply@acme.example",
        "do-not-reply@mail.acme.example", "NoReply+billing@acme.example", "billing-noreply@acme.example",
        "<mailer-daemon@acme.example>",
    ])
    func detected(address: String) {
        #expect(NoReply.isNoReplyAddress(address))
    }

    @Test("real people's addresses", arguments: [
        "sam@acme.example", "nora.reply@acme.example", "replies@acme.example", "norbert@acme.example", "not-an-address",
    ])
    func notDetected(address: String) {
        #expect(!NoReply.isNoReplyAddress(address))
    }

    @Test("phrases telling them not to answer block, for every customer", arguments: [
        "Please do not reply to this email.", "This mailbox is not monitored.", "Replies to this message will not be read.",
        "This is an automated message.", "Don't respond to this message.", "Write to noreply@acme.example with questions.",
    ])
    func phrasesBlock(line: String) {
        for customer in [Fixtures.dana, Fixtures.customer("Dana", "Whitfield", existing: false, source: "radio")] {
            let v = Fixtures.violations("Hi Dana,\n\n\(line)\n\nSam", to: customer)
            #expect(v.map(\.rule) == [.noreply])
            #expect(v.first?.line == 3)
            #expect(v.first?.severity == .block)
        }
    }

    @Test func warningAboutSomeoneElsesMailIsFine() {
        #expect(Fixtures.rules("Hi Dana,\n\nThat text was a scam: please don't reply to that message.\n\nSam") == [])
    }

    @Test func quotedNoReplyTextIsNotOurs() {
        #expect(Fixtures.rules("Hi Dana,\n\nSorted.\n\nSam\n\n> This is an automated message. Do not reply.") == [])
    }

    @Test func addressesInText() {
        #expect(NoReply.addresses(in: "from sam@acme.example and no-reply@acme.example") == ["no-reply@acme.example"])
    }
}
