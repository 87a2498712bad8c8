import Foundation
import RapportCore
import Testing

@Suite("Reply recipients: the customer in To, the people they copied in Cc")
struct ReplyRecipientsTests {
    let dana = Customer(id: 1, firstName: "Dana", lastName: "Whitfield", owner: "sam",
                        addresses: ["dana@example.org", "dana@home.example"], created: .distantPast, isExisting: true)
    let own: Set<String> = ["sam@example.com", "priya@example.com"]

    func message(from: String, to: [String] = ["sam@example.com"], cc: [String] = [], replyTo: [String] = []) -> Message {
        Message(id: 1, conversationID: 1, direction: .inbound, author: nil, from: from, to: to, cc: cc, replyTo: replyTo,
                subject: "Renewal", text: "Hello", messageID: "m@x", inReplyTo: nil, references: [], date: .distantPast)
    }

    @Test("To is where the customer last wrote from; Cc is everyone else they wrote to, less agents, themselves and no-reply addresses")
    func replyAll() throws {
        let last = message(from: "Dana@Home.example", to: ["sam@example.com", "Alex@Home.example"],
                           cc: ["priya@example.com", "dana@example.org", "no-reply@bank.example", "kim@home.example", "alex@home.example"])
        let recipients = try ReplyRecipients.decide(customer: dana, lastFromCustomer: last, answered: last, ownAddresses: own)
        #expect(recipients == ReplyRecipients(to: "dana@home.example", cc: ["alex@home.example", "kim@home.example"]))
    }

    @Test("A form's no-reply From: the reply goes to the person in Reply-To, and the relay is never copied")
    func replyToWins() throws {
        let ann = Customer(id: 2, firstName: "Ann", lastName: "Lee", owner: "sam", addresses: ["ann.lee@lee.example"],
                           created: .distantPast, isExisting: false)
        let last = message(from: "no-reply@forms.example", to: ["sam@example.com"], replyTo: ["ann.lee@lee.example"])
        let recipients = try ReplyRecipients.decide(customer: ann, lastFromCustomer: last, answered: last, ownAddresses: own)
        #expect(recipients == ReplyRecipients(to: "ann.lee@lee.example"))
    }

    @Test("Only a no-reply address: refused with the customer and the address named; another address of theirs is used instead")
    func noHumanAddress() throws {
        var form = Customer(id: 3, firstName: "Website", lastName: "contact form", owner: "sam", addresses: ["no-reply@forms.example"],
                            created: .distantPast, isExisting: false, nameIsGuess: true)
        let last = message(from: "no-reply@forms.example")
        #expect(throws: RapportError.noHumanAddress(customer: "Website contact form", address: "no-reply@forms.example")) {
            try ReplyRecipients.decide(customer: form, lastFromCustomer: last, answered: last, ownAddresses: own)
        }
        #expect("\(RapportError.noHumanAddress(customer: "Website contact form", address: "no-reply@forms.example"))"
            .contains("no human address"))
        form.addresses.append("ann@lee.example")
        #expect(try ReplyRecipients.decide(customer: form, lastFromCustomer: last, answered: last, ownAddresses: own).to == "ann@lee.example")
    }

    @Test("The team's shared inbox (a role address at an agent's domain) is ours, never copied; a role address elsewhere is")
    func sharedInbox() throws {
        let last = message(from: "dana@example.org", to: ["support@example.com", "info@partner.example"], cc: ["Help@Example.com"])
        let recipients = try ReplyRecipients.decide(customer: dana, lastFromCustomer: last, answered: last, ownAddresses: own)
        #expect(recipients.cc == ["info@partner.example"])
    }

    @Test("A Reply-To that is another of the customer's addresses is used; a stranger's Reply-To on their mail is not")
    func ownReplyTo() throws {
        let home = message(from: "dana@example.org", replyTo: ["Dana@Home.example"])
        #expect(try ReplyRecipients.decide(customer: dana, lastFromCustomer: home, answered: home, ownAddresses: own).to == "dana@home.example")
        let forged = message(from: "dana@example.org", replyTo: ["mallory@fraud.example"])
        #expect(try ReplyRecipients.decide(customer: dana, lastFromCustomer: forged, answered: forged, ownAddresses: own).to == "dana@example.org")
    }

    @Test("A customer who never wrote: their first address, nobody copied")
    func neverWrote() throws {
        #expect(try ReplyRecipients.decide(customer: dana, lastFromCustomer: nil, answered: nil, ownAddresses: own)
                == ReplyRecipients(to: "dana@example.org"))
    }
}
