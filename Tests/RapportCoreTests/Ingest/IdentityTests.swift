import Foundation
import RapportCore
import Testing

@Suite("Identity: who a message is from and which way it went")
struct IdentityTests {
    let agents = ["sam@example.com": "sam", "lee@example.com": "lee"]

    func identity(from: String, name: String? = nil, to: [String]) -> Identity {
        Identity.of(from: from, displayName: name, recipients: to, agent: { agents[$0] })
    }

    @Test("Mail from anyone who is not an agent is inbound, filed under the sender's normalised address")
    func customerMailIsInbound() {
        let identity = identity(from: " Dana@Customer.Example ", name: "Dana Whitfield", to: ["sam@example.com"])
        #expect(identity == .inbound(customer: "dana@customer.example", displayName: "Dana Whitfield"))
        #expect(identity.direction == .inbound)
        #expect(identity.author == nil)
        #expect(identity.newCustomerName?.first == "Dana")
        #expect(identity.newCustomerName?.last == "Whitfield")
    }

    @Test("Mail from an agent's address is outbound by that agent, whatever the case of the address")
    func agentMailIsOutbound() {
        let identity = identity(from: "Sam@Example.com", name: "Sam Ortiz", to: ["dana@customer.example"])
        #expect(identity == .outbound(agent: "sam", customer: "dana@customer.example"))
        #expect(identity.direction == .outbound)
        #expect(identity.author == "sam")
    }

    @Test("Outbound mail belongs to the first recipient who is not an agent (To before Cc)")
    func outboundSkipsAgentRecipients() {
        let identity = identity(from: "sam@example.com", to: ["LEE@example.com", "Dana@Customer.Example", "eli@customer.example"])
        #expect(identity.customerAddress == "dana@customer.example")
    }

    @Test("A customer met through an agent's mail is named from the address, not the agent's display name")
    func outboundNamesTheCustomerFromTheAddress() {
        let identity = identity(from: "sam@example.com", name: "Sam Ortiz", to: ["dana.whitfield@customer.example"])
        #expect(identity.newCustomerName?.first == "Dana")
        #expect(identity.newCustomerName?.last == "Whitfield")
    }

    @Test("Inbound mail from a no-reply address is filed under the person in Reply-To, named from there")
    func replyToWins() {
        let identity = Identity.of(from: "no-reply@forms.example", displayName: "Website contact form",
                                   replyTo: [NamedAddress(name: "Ann Lee", address: "ann.lee@lee.example")],
                                   recipients: ["sam@example.com"], agent: { agents[$0] })
        #expect(identity == .inbound(customer: "ann.lee@lee.example", displayName: "Ann Lee"))
        #expect(identity.newCustomerName == PersonName.Guess(first: "Ann", last: "Lee", isGuess: false))
    }

    @Test("A name read from an address is a guess without digits; a role address's display name is a guess too")
    func guesses() {
        #expect(PersonName.guess(displayName: nil, address: "j.smith82@gmail.example")
                == PersonName.Guess(first: "J", last: "Smith", isGuess: true))
        #expect(PersonName.guess(displayName: nil, address: "12345@x.example").isGuess)
        #expect(PersonName.guess(displayName: "Website contact form", address: "no-reply@forms.example").isGuess)
        #expect(!PersonName.guess(displayName: "Dana Whitfield", address: "dana@customer.example").isGuess)
    }

    @Test("An agent writing only to agents has no customer: refused with the agent named")
    func agentToAgentsIsRefused() {
        let identity = identity(from: "sam@example.com", to: ["lee@example.com"])
        #expect(identity == .noCustomer(agent: "sam"))
        #expect(identity.customerAddress == nil)
        #expect(identity.refusal == "sent by agent sam to no customer address")
    }
}
