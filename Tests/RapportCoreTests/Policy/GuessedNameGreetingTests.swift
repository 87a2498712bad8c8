import Foundation
import RapportCore
import Testing

@Suite("greeting rule for a name guessed from an address")
struct GuessedNameGreetingTests {
    static let body = "\n\nYour card is on its way and should arrive Thursday.\n\nThanks,\nSam"
    /// "J Smith", guessed from j.smith82@gmail.example.
    static let guessed = Customer(id: 2, firstName: "J", lastName: "Smith", owner: "sam", addresses: ["j.smith82@gmail.example"],
                                  created: Date(timeIntervalSince1970: 0), isExisting: true, nameIsGuess: true)

    @Test("neutral greetings and the guessed name pass", arguments: ["Hi,", "Hello,", "Hi there,", "Hello!", "Hi J,"])
    func passes(greeting: String) {
        #expect(Fixtures.rules(greeting + Self.body, to: Self.guessed) == [])
    }

    @Test("another name is a warning that says how to record it, not a block")
    func otherNameWarns() {
        let violations = Fixtures.violations("Hi John," + Self.body, to: Self.guessed)
        #expect(violations.map(\.severity) == [.warn])
        #expect(violations.first?.message.contains("rapport customer edit") == true)
    }

    @Test("form letters and no greeting still block, suggesting a neutral greeting", arguments: ["Dear customer,", "Your card is here."])
    func stillBlocks(opening: String) {
        let violations = Fixtures.violations(opening + Self.body, to: Self.guessed)
        #expect(violations.first?.severity == .block)
        #expect(violations.first?.message.contains("\"Hello,\"") == true)
    }

    @Test("the fix greets with Hello, never with the guessed initial")
    func fix() {
        let fixed = ReplyAutoFix.apply("Dear customer," + Self.body, customer: Self.guessed, agent: Fixtures.sam)
        #expect(fixed.hasPrefix("Hello,"))
    }
}
