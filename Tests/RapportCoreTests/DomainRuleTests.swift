import Foundation
import RapportCore
import Testing

@Suite struct DomainRuleTests {
    @Test(arguments: [
        ("Re: Fwd: Renewal  quote", "renewal quote"),
        ("RE[2]: Claim", "claim"),
        ("AW: Rechnung", "rechnung"),
        ("[team] Re: Windscreen", "windscreen"),
        ("Re:", ""),
        ("Regarding: the fee", "regarding: the fee"),
    ])
    func subjectsNormaliseForThreading(subject: String, expected: String) {
        #expect(Subject.normalized(subject) == expected)
    }

    @Test func replySubjectsDoNotStack() {
        #expect(Subject.reply(to: "Claim") == "Re: Claim")
        #expect(Subject.reply(to: "RE: Claim") == "RE: Claim")
    }

    @Test(arguments: ["dana@example.org", "Dana.Whitfield@Example.ORG", " dana@example.org\n", "\tDANA@X.COM",
                      "Zoë@Example.org", "ÉMILE@x.fr", "dana@example.org\u{00A0}", "", " ", "A", "@", "~Q@x"])
    func addressesNormaliseAsFoundationWould(address: String) {
        #expect(EmailAddress.normalized(address) == address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    @Test(arguments: ["noreply@x.com", "no-reply@x.com", "do-not-reply@x.com", "DoNotReply@x.com", "no_reply@x.com"])
    func noReplyAddressesAreRecognised(address: String) {
        #expect(NoReply.isNoReplyAddress(address))
    }

    @Test(arguments: ["sam@x.com", "nora.eply@x.com", "reply@x.com"])
    func personalAddressesAreNot(address: String) {
        #expect(!NoReply.isNoReplyAddress(address))
    }

    @Test func ownershipRule() throws {
        try OwnershipRule.check(customer: "Dana", currentOwner: nil, newOwner: "sam", note: nil)
        try OwnershipRule.check(customer: "Dana", currentOwner: "sam", newOwner: "priya", note: "on leave")
        #expect(throws: RapportError.handoffNoteRequired(customer: "Dana", owner: "sam")) {
            try OwnershipRule.check(customer: "Dana", currentOwner: "sam", newOwner: "priya", note: " ")
        }
        #expect(throws: RapportError.alreadyOwner(customer: "Dana", owner: "sam")) {
            try OwnershipRule.check(customer: "Dana", currentOwner: "sam", newOwner: "sam", note: "x")
        }
    }

    @Test func statusCycles() {
        #expect(ConversationStatus.open.next == .pending)
        #expect(ConversationStatus.pending.next == .closed)
        #expect(ConversationStatus.closed.next == .open)
    }
}
