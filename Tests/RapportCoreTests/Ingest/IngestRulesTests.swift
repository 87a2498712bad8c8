import Foundation
import RapportCore
import Testing

@Suite("Ingest rules: what is stored for one parsed message")
struct IngestRulesTests {
    @Test("A duplicate is never looked at further")
    func duplicateFirst() throws {
        let facts = FactsFake(storedMessageIDs: ["m1@customer.example"])
        // Even mail an agent sent to no customer: a copy of something stored is just a duplicate.
        let mail = incoming(from: "sam@example.com", to: ["lee@example.com"], messageID: "m1@customer.example")
        #expect(try IngestRules.standard.file(mail, facts: facts) == .duplicate)
    }

    @Test("Mail from a new sender creates the customer, named from the display name, and a new conversation")
    func newCustomer() throws {
        let facts = FactsFake()
        let filing = try IngestRules.standard.file(incoming(from: "Dana@Customer.Example"), facts: facts)
        #expect(filing == .store(.init(
            direction: .inbound, author: nil,
            customer: .new(address: "dana@customer.example", firstName: "Dana", lastName: "Whitfield",
                            nameIsGuess: false),
            conversation: .new(subject: "Renewal quote", normalizedSubject: "renewal quote"))))
    }

    @Test("A web form's no-reply mail files the visitor in Reply-To as a new customer, named from Reply-To")
    func replyToCustomer() throws {
        let mail = incoming(from: "no-reply@forms.example", name: "Website contact form",
                            replyTo: [NamedAddress(name: "Ann Lee", address: "Ann.Lee@lee.example")])
        let placement = try stored(mail, facts: FactsFake())
        #expect(placement.customer == .new(address: "ann.lee@lee.example", firstName: "Ann", lastName: "Lee", nameIsGuess: false))
    }

    @Test("A known customer's message with a stranger in Reply-To stays theirs")
    func knownSenderKeepsTheirMail() throws {
        let facts = FactsFake()
        facts.customers = ["dana@customer.example": 7]
        let mail = incoming(from: "dana@customer.example", replyTo: [NamedAddress(name: "Mallory", address: "mallory@evil.example")])
        let placement = try stored(mail, facts: facts)
        #expect(placement.customer == .existing(7))
    }

    @Test("A customer named from the address is marked as a guess, digits dropped")
    func guessedName() throws {
        let mail = incoming(from: "j.smith82@gmail.example", name: nil)
        let placement = try stored(mail, facts: FactsFake())
        #expect(placement.customer == .new(address: "j.smith82@gmail.example", firstName: "J", lastName: "Smith", nameIsGuess: true))
    }

    @Test("Mail from an agent's address to a known customer is outbound, without an author, in the conversation it answers")
    func agentReply() throws {
        let facts = FactsFake()
        facts.customers = ["dana@customer.example": 7]
        facts.messages = ["7 m1@customer.example": 3]
        let reply = incoming(from: "sam@example.com", name: "Sam", to: ["dana@customer.example"], subject: "Re: Renewal quote",
                             messageID: "r1@example.com", inReplyTo: "m1@customer.example")
        #expect(try IngestRules.standard.file(reply, facts: facts)
                == .store(.init(direction: .outbound, author: nil, customer: .existing(7), conversation: .existing(3))))
    }

    @Test("An agent's mail to agents only is refused with its reason")
    func refused() throws {
        let mail = incoming(from: "sam@example.com", to: ["lee@example.com"])
        #expect(try IngestRules.standard.file(mail, facts: FactsFake()) == .refused("sent by agent sam to no customer address"))
    }

    /// What the rules store for `mail` (fails the test when they do not store it).
    func stored(_ mail: IncomingMail, facts: FactsFake) throws -> Filing.Placement {
        guard case let .store(placement) = try IngestRules.standard.file(mail, facts: facts) else {
            throw NotStored()
        }
        return placement
    }

    struct NotStored: Error {}

    @Test("The thread window of the rules is the one threading uses")
    func threadWindow() {
        #expect(IngestRules(threadWindow: 60).threading.window == 60)
        #expect(IngestRules.standard.threading.window == 30 * 24 * 3600)
    }
}
