import Testing
import RapportCore

@Suite("signature rule")
struct SignatureRuleTests {
    static let opening = "Hi Dana,\n\nYour new card is on its way.\n\nThanks,\nSam\n"

    @Test("signature lines under the name block", arguments: [
        "-- \nSam Ortiz", "+1 555 013 4222", "sam@acme.example", "www.acme.example", "https://acme.example/contact",
        "Acme Insurance LLC", "Account Manager", "Sent from my iPhone", "Tel: 555 013 4222",
        "12 Harbour Street", "Springfield, IL 62704",
        "This email and any attachments are confidential and intended solely for the addressee.",
    ])
    func blocks(extra: String) {
        let v = Fixtures.violations(Self.opening + extra)
        #expect(v.contains { $0.rule == .signature && $0.severity == .block && $0.line == 7 })
    }

    @Test func delimiterMessage() {
        let v = Fixtures.violations(Self.opening + "-- \nSam Ortiz\nAcme")
        #expect(v.first { $0.rule == .signature }?.message == "\"-- \" starts a signature block; cut it and everything under it.")
    }

    @Test("things a person writes in a sentence are not a signature")
    func bodyContentIsNotASignature() {
        let drafts = [
            "Hi Dana,\n\nYou can reset it at https://acme.example/reset any time.\n\nSam",
            "Hi Dana,\n\nHere is the form:\nhttps://acme.example/forms/claim-2291\n\nSam",
            "Hi Dana,\n\nCall me on +1 555 013 4222 if that's easier.\n\nSam",
            "Hi Dana,\n\nYour payment of $1,250.00 on 2025-03-14 for policy 88231774 went through.\n\nSam",
            "Hi Dana,\n\nI've copied Priya (priya@acme.example), who handles claims.\n\nSam",
            "Hi Dana,\n\nYour account manager will call you tomorrow.\n\nSam",
        ]
        for draft in drafts { #expect(Fixtures.rules(draft) == [], "\(draft)") }
    }

    @Test func sentFromMyPhoneAnywhere() {
        let v = Fixtures.violations("Hi Dana,\n\nYes, Thursday works.\nSent from my iPhone\n\nSam")
        #expect(v.map(\.rule) == [.signature])
        #expect(v[0].line == 4)
    }

    @Test func newCustomersMayHaveAShortPersonalSignature() {
        let draft = "Hi Pat,\n\nWelcome! How did you hear about us?\n\nSam Ortiz\nsam@acme.example\n+1 555 013 4222"
        #expect(Fixtures.rules(draft, to: Fixtures.newPat) == [])
        let corporate = draft + "\nAcme Insurance LLC\nThis message is confidential."
        let v = Fixtures.violations(corporate, to: Fixtures.newPat)
        #expect(v.map(\.rule) == [.signature, .signature])
        #expect(v.allSatisfy { $0.severity == .warn })
    }
}
