import Foundation
import RapportCore
import Testing

/// Who a message was to, copied and asked to reply to, and whether a customer's name is a guess:
/// facts ingest and replies write and read back as they were given.
@Suite struct AddressContractTests {
    @Test(arguments: StoreFactories.all)
    func toCcAndReplyToComeBackAsIngested(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let mail = IncomingMail(
            seenKey: "/mail:a", path: "/mail/new/a", dedupKey: "mid:a@x", fromAddress: "no-reply@forms.example",
            fromName: "Website contact form", to: ["sam@example.com", "help@example.com"],
            cc: ["alex@lee.example", "kim \"q\"@lee.example"], replyTo: [NamedAddress(name: "Ann Lee", address: "ann.lee@lee.example")],
            subject: "Contact form", text: "Call me", messageID: "a@x", inReplyTo: nil, references: [],
            date: ContractStore.t0, attachments: [])
        #expect(try s.store.ingest([.mail(mail)], rules: .standard).count == 1)
        let ann = try #require(try s.store.customer(email: "ann.lee@lee.example"), "the customer is the person in Reply-To")
        #expect(ann.fullName == "Ann Lee" && !ann.nameIsGuess)
        #expect(try s.store.customer(email: "no-reply@forms.example") == nil)
        let conversation = try #require(try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5,
                                                                  agent: "sam").first)
        let stored = try #require(try s.store.messages(conversation: conversation.id).first)
        #expect(stored.from == "no-reply@forms.example")
        #expect(stored.to == ["sam@example.com", "help@example.com"])
        #expect(stored.cc == ["alex@lee.example", "kim \"q\"@lee.example"])
        #expect(stored.replyTo == ["ann.lee@lee.example"])
        #expect(try s.store.lastInboundMessage(customer: ann.id)?.id == stored.id)
    }

    @Test(arguments: StoreFactories.all)
    func aGuessedNameIsMarkedUntilAnImportGivesTheRealOne(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let guessed = try s.customerWithAGuessedName()
        #expect(guessed.firstName == "J" && guessed.lastName == "Smith" && guessed.nameIsGuess)
        let row = CustomerImport.read(try CSVTable(text: "first_name,last_name,email\nJohn,Smith,j.smith82@gmail.example\n"),
                                      agentExists: { _ in true }).rows
        _ = try s.store.importCustomers(row, reassign: false, by: "sam")
        let named = try #require(try s.store.customer(id: guessed.id))
        #expect(named.fullName == "John Smith" && !named.nameIsGuess)
        #expect(try !s.store.addCustomer(NewCustomer(firstName: "Eli", lastName: "", email: "eli@x.example"), by: nil).nameIsGuess)
    }

    @Test(arguments: StoreFactories.all)
    func aQueuedReplyKeepsItsCc(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let conversation = try s.conversation(with: dana).id
        var message = NewMessage(conversationID: conversation, direction: .outbound, author: "sam", from: "sam@example.com",
                                 to: [dana.primaryEmail], cc: ["alex@home.example"], subject: "Re: Hello", text: "Hi Dana,\n\nSam",
                                 messageID: "r@example.com", date: ContractStore.t0.addingTimeInterval(60))
        message.replyTo = []
        let item = try s.store.queueReply(QueuedReply(message: message, customerID: dana.id, owner: "sam",
                                                      toAddress: dana.primaryEmail, marks: []))
        let claimed = try #require(try s.store.claimForSending(item.id, claim: OutboxClaim(claimant: "t", until: .distantFuture),
                                                               at: ContractStore.t0))
        #expect(claimed.message.cc == ["alex@home.example"] && claimed.message.to == [dana.primaryEmail])
    }
}
