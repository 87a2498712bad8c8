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

    @Test("An agent writing only to agents has no customer: refused with the agent named")
    func agentToAgentsIsRefused() {
        let identity = identity(from: "sam@example.com", to: ["lee@example.com"])
        #expect(identity == .noCustomer(agent: "sam"))
        #expect(identity.customerAddress == nil)
        #expect(identity.refusal == "sent by agent sam to no customer address")
    }
}
