import Testing
import RapportCore

@Suite("auto-fix (F)")
struct AutoFixTests {
    static let tom = Fixtures.customer("Tom", "Whitfield")

    @Test("the corporate draft of the issue becomes compliant")
    func corporateDraftIsFixed() {
        let draft = """
        Dear Mr. Whitfield,

        Thank you for your message. I have corrected the billing address on your policy and the next statement will go to the new address.

        Best regards,
        Sam Ortiz
        Account Manager
        Acme Insurance LLC
        +1 555 013 4222
        www.acme.example
        """
        let before = Fixtures.violations(draft, to: Self.tom)
        #expect(Set(before.map(\.rule)) == [.greeting, .signoff, .signature])
        #expect(before.blocksSending)

        let fixed = ReplyAutoFix.apply(draft, customer: Self.tom, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == """
        Hi Tom,

        Thank you for your message. I have corrected the billing address on your policy and the next statement will go to the new address.

        Best regards,
        Sam
        """)
        #expect(Fixtures.violations(fixed, to: Self.tom) == [])
    }

    @Test func missingGreetingAndSignOffAreAdded() {
        let fixed = ReplyAutoFix.apply("Your card is on its way.", customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == "Hi Dana,\n\nYour card is on its way.\n\nSam")
        #expect(Fixtures.rules(fixed) == [])
    }

    @Test func informalGreetingWordIsKept() {
        let fixed = ReplyAutoFix.apply("Hello Ms Whitfield, the card is on its way.\n\nSam", customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == "Hello Dana, the card is on its way.\n\nSam")
    }

    @Test func closingAndNameOnOneLineAreSplit() {
        let fixed = ReplyAutoFix.apply("Hi Dana,\n\nDone.\n\nBest regards, Sam Ortiz", customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == "Hi Dana,\n\nDone.\n\nBest regards,\nSam")
    }

    @Test func delimiterSignatureAndQuoteBelow() {
        let draft = "Hi Dana,\n\nDone.\n\nThanks,\nSam\n-- \nSam Ortiz | Acme Insurance LLC\n\nOn Mon, Dana wrote:\n> Can you fix it?\n> Dana"
        let fixed = ReplyAutoFix.apply(draft, customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == "Hi Dana,\n\nDone.\n\nThanks,\nSam\n\nOn Mon, Dana wrote:\n> Can you fix it?\n> Dana")
    }

    @Test func strayPhoneSignatureInTheBodyIsCut() {
        let draft = "Hi Dana,\n\nAll done.\nSent from my iPhone\n\nSam"
        #expect(ReplyAutoFix.apply(draft, customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true) == "Hi Dana,\n\nAll done.\n\nSam")
    }

    @Test func compliantDraftIsUntouched() {
        let draft = "Hi Dana,\r\n\r\nAll done.\r\n\r\nSam\r\n"
        #expect(ReplyAutoFix.apply(draft, customer: Fixtures.dana, agent: Fixtures.sam, isExisting: true) == draft)
    }

    @Test func newCustomerKeepsThePersonalSignature() {
        let draft = "Dear customer,\n\nWelcome! How did you hear about us?\n\nSam Ortiz\nsam@acme.example\nAcme Insurance LLC"
        let fixed = ReplyAutoFix.apply(draft, customer: Fixtures.newPat, agent: Fixtures.sam, isExisting: false)
        #expect(fixed == "Hi Pat,\n\nWelcome! How did you hear about us?\n\nSam Ortiz\nsam@acme.example")
        #expect(Fixtures.rules(fixed, to: Fixtures.newPat) == [])
    }

    @Test func commonWordNameGetsAGreetingInFront() {
        let fixed = ReplyAutoFix.apply("Will you send the signed form?\n\nSam", customer: Fixtures.will, agent: Fixtures.sam, isExisting: true)
        #expect(fixed == "Hi Will,\n\nWill you send the signed form?\n\nSam")
    }
}
