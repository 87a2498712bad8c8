import Foundation
import RapportCore
import Testing

@Suite("Customer address choice: From or the person in Reply-To")
struct CustomerAddressChoiceTests {
    let agents: Set<String> = ["sam@example.com"]

    func choose(_ from: String, name: String? = nil, replyTo: [NamedAddress]) -> CustomerAddressChoice.Choice {
        CustomerAddressChoice.choose(from: NamedAddress(name: name, address: from), replyTo: replyTo,
                                     isAgent: { agents.contains($0) })
    }

    @Test("A no-reply From with a person in Reply-To: the person, with their name")
    func noReplyFrom() {
        let choice = choose("no-reply@forms.example", name: "Website contact form",
                            replyTo: [NamedAddress(name: "Ann Lee", address: "Ann.Lee@Lee.example")])
        #expect(choice == .init(address: "ann.lee@lee.example", displayName: "Ann Lee", viaReplyTo: true))
    }

    @Test("A role From (info@, orders@…) with several Reply-To: the first personal one")
    func roleFrom() {
        let choice = choose("orders@shop.example", replyTo: [NamedAddress(address: "support@buyer.example"),
                                                              NamedAddress(name: "Bo", address: "bo@buyer.example")])
        #expect(choice.address == "bo@buyer.example")
        #expect(choice.viaReplyTo)
    }

    @Test("A person's From with Reply-To naming one other person: the Reply-To person (an assistant writing for a boss)")
    func onePersonInReplyTo() {
        let choice = choose("pa@firm.example", name: "Pat", replyTo: [NamedAddress(name: "Kim Boss", address: "kim@firm.example")])
        #expect(choice.address == "kim@firm.example")
    }

    @Test("A person's From keeps the customer when Reply-To lists several, is a role address, or is the sender again",
          arguments: [
              [NamedAddress(address: "a@x.example"), NamedAddress(address: "b@x.example")],
              [NamedAddress(address: "info@firm.example")],
              [NamedAddress(address: "Dana@Customer.example")],
              [],
          ])
    func fromStays(replyTo: [NamedAddress]) {
        let choice = choose("dana@customer.example", name: "Dana", replyTo: replyTo)
        #expect(choice == .init(address: "dana@customer.example", displayName: "Dana", viaReplyTo: false))
    }

    @Test("No-reply and agents' addresses in Reply-To are never chosen: the From stays, even a no-reply one")
    func neverNoReplyOrAgent() {
        let choice = choose("no-reply@forms.example", replyTo: [NamedAddress(address: "donotreply@forms.example"),
                                                                NamedAddress(address: "sam@example.com")])
        #expect(choice.address == "no-reply@forms.example")
        #expect(!choice.viaReplyTo)
    }

    @Test("Role addresses: a function's local part, with dots, dashes and +tags ignored; people are not roles",
          arguments: ["info@x.example", "Customer.Service@x.example", "support+eu@x.example", "no-reply@x.example", "web-form@x.example"])
    func roles(address: String) {
        #expect(RoleAddress.isRoleAddress(address))
    }

    @Test("People's addresses are personal", arguments: ["ann.lee@lee.example", "j.smith82@gmail.example", "hellen@x.example"])
    func people(address: String) {
        #expect(RoleAddress.isPersonal(address))
    }
}

@Suite("Customer address choice: a known customer keeps their mail")
struct KnownSenderChoiceTests {
    @Test("a known customer's From with a stranger in Reply-To stays the customer's (a forged From cannot redirect our reply)")
    func knownSenderStays() {
        let choice = CustomerAddressChoice.choose(from: NamedAddress(name: "Dana", address: "dana@customer.example"),
                                                  replyTo: [NamedAddress(address: "billing@evil.example.com")], isAgent: { _ in false },
                                                  senderIsCustomer: true)
        #expect(choice.address == "dana@customer.example" && !choice.viaReplyTo)
        let person = CustomerAddressChoice.choose(from: NamedAddress(address: "dana@customer.example"),
                                                  replyTo: [NamedAddress(address: "mallory@evil.example")], isAgent: { _ in false },
                                                  senderIsCustomer: true)
        #expect(person.address == "dana@customer.example")
    }

    @Test("a form relay that is somehow a customer still gives way to the person in Reply-To")
    func relayStillGivesWay() {
        let choice = CustomerAddressChoice.choose(from: NamedAddress(address: "no-reply@forms.example"),
                                                  replyTo: [NamedAddress(address: "ann@lee.example")], isAgent: { _ in false },
                                                  senderIsCustomer: true)
        #expect(choice.address == "ann@lee.example")
    }
}
