import Testing
import RapportCore

@Suite("greeting rule")
struct GreetingRuleTests {
    static let body = "\n\nYour card is on its way and should arrive Thursday.\n\nThanks,\nSam"

    @Test("first-name greetings pass", arguments: [
        "Hi Dana,", "Hello Dana!", "Morning Dana —", "Dana,", "Hey Dana", "Good morning Dana,",
        "Hi again Dana,", "hi dana,", "Dear Dana,", "Hey, Dana!", "Dana —", "Hi Dana, thanks for the photos.",
    ])
    func passes(greeting: String) {
        #expect(Fixtures.rules(greeting + Self.body) == [])
    }

    @Test("impersonal or wrong-name greetings block", arguments: [
        "Dear Ms. Whitfield,", "Dear customer,", "Dear valued customer,", "Dear Sir or Madam,",
        "To whom it may concern,", "Hi there,", "Hello,", "Hi Dana Whitfield,", "Hi Whitfield,",
        "Dear Mrs Whitfield", "Hi Dan,", "Hello Ms Dana Whitfield,", "Whitfield,", "Hello all,",
    ])
    func blocks(greeting: String) {
        let violations = Fixtures.violations(greeting + Self.body)
        #expect(violations.map(\.rule) == [.greeting])
        #expect(violations.first?.line == 1)
        #expect(violations.first?.severity == .block)
        #expect(violations.first?.message.contains("\"Hi Dana,\"") == true)
    }

    @Test func noGreetingAtAll() {
        let v = Fixtures.violations("Your card is on its way.\n\nThanks,\nSam")
        #expect(v.map(\.rule) == [.greeting])
        #expect(v[0].message == "The reply does not open with a greeting; start with \"Hi Dana,\".")
    }

    @Test func greetingOnTheSecondLineAfterBlankLines() {
        #expect(Fixtures.rules("\n\nHi Dana,\n\nYour card is on its way.\n\nSam") == [])
        #expect(Fixtures.violations("\n   \nDear customer,\n\nYour card is on its way.\n\nSam").first?.line == 3)
    }

    @Test("a first name that is also a common word is a greeting only when it greets")
    func commonWordNames() {
        #expect(Fixtures.rules("Will,\n\nThe form is attached.\n\nSam", to: Fixtures.will) == [])
        #expect(Fixtures.rules("Hi Will,\n\nWill you be around on Friday?\n\nSam", to: Fixtures.will) == [])
        #expect(Fixtures.rules("Will you send the signed form back?\n\nSam", to: Fixtures.will) == ["greeting"])
        #expect(Fixtures.rules("May,\n\nYour statement is ready.\n\nSam", to: Fixtures.may) == [])
        #expect(Fixtures.rules("May I ask for the policy number?\n\nSam", to: Fixtures.may) == ["greeting"])
        #expect(Fixtures.rules("Hope you had a good weekend.\n\nSam", to: Fixtures.hope) == ["greeting"])
        #expect(Fixtures.rules("Hope —\n\nHope you had a good weekend.\n\nSam", to: Fixtures.hope) == [])
        #expect(Fixtures.rules("Hi Hope,\n\nHope you had a good weekend!\n\nSam", to: Fixtures.hope) == [])
    }

    @Test func messageNamesTheWrongName() {
        let v = Fixtures.violations("Hi Dan,\n\nAll sorted.\n\nSam")
        #expect(v.first?.message == "\"Hi Dan\" greets \"Dan\", but the customer's first name is Dana; start with \"Hi Dana,\".")
    }

    @Test func unknownFirstNameAllowsANeutralGreeting() {
        let nameless = Fixtures.customer("", "", existing: false, source: "search")
        #expect(Fixtures.rules("Hello,\n\nThanks for writing.\n\nSam Ortiz", to: nameless) == [])
        #expect(Fixtures.rules("Hi there,\n\nThanks for writing.\n\nSam Ortiz", to: nameless) == [])
        #expect(Fixtures.rules("Dear valued customer,\n\nThanks for writing.\n\nSam Ortiz", to: nameless) == ["greeting"])
    }
}
