import Testing
import RapportCore

@Suite("length and referral-question rules")
struct LengthAndReferralRuleTests {
    static func draft(words: Int, greeting: String = "Hi Dana,", signOff: String = "Thanks,\nSam") -> String {
        // Ten words per line, like real paragraphs.
        let all = (1...words).map { "w\($0)" }
        let lines = stride(from: 0, to: all.count, by: 10).map { all[$0..<min($0 + 10, all.count)].joined(separator: " ") }
        return "\(greeting)\n\n\(lines.joined(separator: "\n"))\n\n\(signOff)"
    }

    @Test func exactlyTheLimitPasses() {
        #expect(Fixtures.rules(Self.draft(words: 120)) == [])
    }

    @Test func oneOverTheLimitSaysHowMany() {
        let v = Fixtures.violations(Self.draft(words: 121))
        #expect(v.map(\.rule) == [.length])
        #expect(v[0].message == "The reply is 121 words between greeting and sign-off; keep it to 120 or fewer (cut 1).")
        // Word 121 is the first word of the 13th body line (line 3 + 12).
        #expect(v[0].line == 15)
    }

    @Test func greetingSignOffAndQuotesDoNotCount() {
        let long = Self.draft(words: 118, signOff: "Thanks so much,\nSam") + "\n\nOn Mon, Dana wrote:\n> " + String(repeating: "word ", count: 300)
        #expect(Fixtures.rules(long) == [])
    }

    @Test func theLimitComesFromTheConfig() {
        #expect(Fixtures.rules(Self.draft(words: 60), limits: PolicyLimits(maxWords: 50)) == ["length"])
    }

    @Test func newCustomersHaveNoWordLimit() {
        let welcome = Self.draft(words: 300, greeting: "Hi Pat,", signOff: "How did you hear about us?\n\nSam Ortiz")
        #expect(Fixtures.rules(welcome, to: Fixtures.newPat) == [])
    }

    @Test func newCustomerWithoutTheQuestionGetsAWarning() {
        let v = Fixtures.violations("Hi Pat,\n\nWelcome aboard.\n\nSam Ortiz", to: Fixtures.newPat)
        #expect(v.map(\.rule) == [.referralQuestion])
        #expect(v[0].severity == .warn)
        #expect(!v.blocksSending)
    }

    @Test("ways of asking how they heard about us", arguments: [
        "How did you hear about us?", "Who referred you to us?", "How did you find us?",
        "Can I ask what brought you to us?", "I'd love to know how you heard of us.",
    ])
    func questionsCount(question: String) {
        #expect(Fixtures.rules("Hi Pat,\n\nWelcome. \(question)\n\nSam Ortiz", to: Fixtures.newPat) == [])
    }

    @Test func noQuestionNeededWhenTheSourceIsRecorded() {
        let referred = Fixtures.customer("Pat", "Lee", existing: false, source: "a friend")
        #expect(Fixtures.rules("Hi Pat,\n\nWelcome aboard.\n\nSam Ortiz", to: referred) == [])
    }

    @Test("a long URL in a new-customer reply is fine and counts as one word")
    func longURLInANewCustomerReply() {
        let url = "https://acme.example/onboarding/welcome-pack?customer=pat.lee%40example.com&utm_source=email&utm_campaign=" + String(repeating: "x", count: 200)
        let draft = "Hi Pat,\n\nEverything you need to get started is here:\n\(url)\n\nHow did you hear about us?\n\nSam Ortiz\nsam@acme.example"
        #expect(Fixtures.rules(draft, to: Fixtures.newPat) == [])
        // The same link to an existing customer, on its own line in the body, is content too.
        let existing = "Hi Dana,\n\nEverything is here:\n\(url)\n\nSam"
        #expect(Fixtures.rules(existing) == [])
    }
}
