import Foundation
import RapportCore
import Testing

/// Customers as people: a name set by a person, addresses removed, two records merged into one, a
/// customer's whole history, and search finding customers by name and address.
@Suite struct CustomerRecordContractTests {
    func ids(_ s: ContractStore, _ text: String) throws -> Set<ConversationID> {
        Set(try s.store.conversations(ConversationQuery(text: text), from: nil, direction: .after, limit: 100, agent: "sam")
            .map(\.id))
    }

    @Test(arguments: StoreFactories.all)
    func searchFindsTheConversationsOfCustomersByNameAndAddress(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let amara = try s.store.addCustomer(NewCustomer(firstName: "Amara", lastName: "Nwosu", email: "amara.nwosu@mail.example"), by: nil)
        let erik = try s.store.addCustomer(NewCustomer(firstName: "Erik", lastName: "Lindqvist", email: "erik@lq.example"), by: nil)
        let a = try s.conversation(with: amara, subject: "Card", text: "My card was declined")
        let e = try s.conversation(with: erik, subject: "Fees", text: "Why this fee?")
        let mention = try s.conversation(with: erik, subject: "Friend", text: "My friend Amara sent me",
                                         at: ContractStore.t0.addingTimeInterval(5))
        #expect(try ids(s, "Lindqvist") == [e.id, mention.id])
        #expect(try ids(s, "amara.nwosu@mail.example") == [a.id])
        #expect(try ids(s, "amara.nw") == [a.id], "an address is matched from its start")
        #expect(try ids(s, "amara") == [a.id, mention.id], "a customer's conversations and the messages naming her")
        #expect(try ids(s, "Erik Lindq") == [e.id, mention.id])
        #expect(try ids(s, "declined") == [a.id])
        #expect(try ids(s, "nobody-like-this").isEmpty)
        #expect(try s.store.countConversations(ConversationQuery(text: "amara"), agent: "sam", cap: 100) == 2)
        #expect(try s.store.countConversations(ConversationQuery(text: "amara"), agent: "sam", cap: 1) == 1, "counting stops at the cap")
        #expect(try s.store.countConversations(ConversationQuery(text: "zzz"), agent: "sam", cap: 100) == 0)
        #expect(try s.store.countConversations(ConversationQuery(owner: .agent("sam"), text: "amara"), agent: "sam", cap: 100) == 0,
                "the list's owner filter still applies")
    }

    /// What the search box and the referral picker find: a first name, last name, full name or address
    /// that starts with the text, ASCII case aside; what is typed is never a pattern.
    @Test(arguments: StoreFactories.all)
    func customersAreFoundByTheStartOfANameOrAnAddress(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let erik = try s.store.addCustomer(NewCustomer(firstName: "Erik", lastName: "Lindqvist", email: "erik@lq.example"), by: nil)
        let percy = try s.store.addCustomer(NewCustomer(firstName: "Percy", lastName: "100%_Sure", email: "p_c@x.example"), by: nil)
        let mary = try s.store.addCustomer(NewCustomer(firstName: "Mary Ann", lastName: "Öberg", email: "mao@y.example"), by: nil)
        func found(_ text: String) throws -> [CustomerID] { try s.store.findCustomers(matching: text, limit: 20).map(\.id) }
        #expect(try found("er") == [erik.id], "the first name")
        #expect(try found("LIND") == [erik.id], "the last name, case aside")
        #expect(try found("erik lindqv") == [erik.id], "the full name")
        #expect(try found("  Erik  ") == [erik.id], "spaces around are not typed text")
        #expect(try found("ndqvist").isEmpty, "from the start only")
        #expect(try found("100%_s") == [percy.id])
        #expect(try found("100%x").isEmpty && found("1_0").isEmpty && found("%").isEmpty, "% and _ are characters, not patterns")
        #expect(try found("p_c@") == [percy.id], "an address from its start")
        #expect(try found("pxc@").isEmpty)
        #expect(try found("mary ann ö") == [mary.id], "a first name of two words, then the last name")
        #expect(try found("öberg") == [mary.id])
    }

    @Test(arguments: StoreFactories.all)
    func customersAreFoundByTheirWholeNameCaseAside(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.store.addCustomer(NewCustomer(firstName: "Dana", lastName: "Whitfield", email: "dana@a.example"), by: nil)
        let again = try s.store.addCustomer(NewCustomer(firstName: "dana", lastName: "WHITFIELD", email: "dana@b.example"), by: nil)
        _ = try s.store.addCustomer(NewCustomer(firstName: "Dana", lastName: "Whitfield-Ross", email: "dana@c.example"), by: nil)
        let single = try s.store.addCustomer(NewCustomer(firstName: "Cher", lastName: "", email: "cher@d.example"), by: nil)
        #expect(try s.store.customers(named: "Dana Whitfield", limit: 20).map(\.id) == [dana.id, again.id],
                "the whole name, not a prefix of it")
        #expect(try s.store.customers(named: "Dana Whitfield", limit: 1).map(\.id) == [dana.id])
        #expect(try s.store.customers(named: "Cher", limit: 20).map(\.id) == [single.id], "a name without a last name")
        #expect(try s.store.customers(named: "Dana", limit: 20).isEmpty)
    }

    @Test(arguments: StoreFactories.all)
    func aNameSetByAPersonIsNoLongerAGuessAndAddressesComeAndGo(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let guessed = try s.customerWithAGuessedName()
        #expect(guessed.nameIsGuess)
        let before = try s.store.latestChange()
        try s.store.renameCustomer(guessed.id, firstName: "John", lastName: "Smith")
        #expect(try s.store.changes(since: before).changes.contains { $0.entity == .customer && $0.entityID == guessed.id })
        var john = try #require(try s.store.customer(id: guessed.id))
        #expect(john.fullName == "John Smith" && !john.nameIsGuess)

        try s.store.addAddress("john@work.example", to: john.id)
        try s.store.addAddress("js@home.example", to: john.id)
        let beforeRemoval = try s.store.latestChange()
        try s.store.removeAddress("J.Smith82@gmail.example", from: john.id)
        #expect(try s.store.changes(since: beforeRemoval).changes.contains { $0.entity == .customer && $0.entityID == john.id },
                "another inbox hears of the address change")
        john = try #require(try s.store.customer(id: john.id))
        #expect(john.addresses == ["john@work.example", "js@home.example"], "the next address becomes the primary one")
        #expect(try s.store.customer(email: "j.smith82@gmail.example") == nil)
        try s.store.removeAddress("js@home.example", from: john.id)
        #expect(throws: RapportError.self) { try s.store.removeAddress("john@work.example", from: john.id) }
        let other = try s.customer("Eve")
        #expect(throws: RapportError.self) { try s.store.removeAddress(other.primaryEmail, from: john.id) }
        #expect(try s.store.customer(id: john.id)?.addresses == ["john@work.example"])
        #expect(try s.store.customer(id: other.id)?.addresses == [other.primaryEmail])
    }

    @Test(arguments: StoreFactories.all)
    func aMergeMovesEverythingToTheCustomerWhoStays(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let into = try s.customer("Dana", email: "dana@new.example", owner: "sam")
        let from = try s.customer("Dee", email: "dana@old.example", owner: "priya")
        let friend = try s.customer("Fay")
        let old = try s.conversation(with: from, subject: "Old question")
        let recent = try s.conversation(with: into, subject: "New question", at: ContractStore.t0.addingTimeInterval(60))
        try s.store.recordReferral(customer: friend.id, referrer: from.id, source: nil, coupon: nil, thankYou: nil,
                                   at: ContractStore.t0)
        let log = Assignment(customerID: into.id, from: "priya", to: "sam", by: "sam", note: "merged Dee: one person", at: ContractStore.t0)
        let plan = CustomerMerge.Plan(from: from.id, into: into.id, expectedFromOwner: "priya", expectedIntoOwner: "sam",
                                      firstName: "Dana", lastName: "Whitfield", nameIsGuess: false, isExisting: true,
                                      takeReferralOfFrom: false, log: log)
        var stale = plan
        stale.expectedFromOwner = nil
        #expect(try s.store.mergeCustomers(stale) == nil, "an owner changed since the rule was decided: nothing written")
        #expect(try s.store.customer(id: from.id) != nil)

        let before = try s.store.latestChange()
        #expect(try s.store.mergeCustomers(plan) == log)
        #expect(try s.store.customer(id: from.id) == nil)
        let merged = try #require(try s.store.customer(id: into.id))
        #expect(merged.addresses == ["dana@new.example", "dana@old.example"] && merged.owner == "sam" && merged.isExisting)
        #expect(try s.store.customer(email: "dana@old.example")?.id == into.id)
        #expect(try s.store.conversation(id: old.id)?.customerID == into.id)
        #expect(try s.store.customer(id: friend.id)?.referredBy == into.id)
        #expect(try s.store.customerProfile(id: into.id, now: ContractStore.t0)?.referrals.map(\.referredID) == [friend.id])
        let entries = try s.store.assignments(customer: into.id)
        #expect(entries.last == log)
        #expect(entries.contains { $0.to == "priya" }, "the merged record's log comes along")
        let history = try s.store.customerConversations(into.id, agent: "sam")
        #expect(history.map(\.summary.id) == [recent.id, old.id])
        #expect(history.allSatisfy { $0.lastWriter == .customer })
        let changes = try s.store.changes(since: before).changes
        #expect(changes.contains { $0.entity == .customer && $0.entityID == into.id })
        #expect(changes.contains { $0.entity == .customer && $0.entityID == from.id })
        #expect(changes.contains { $0.entity == .conversation && $0.entityID == old.id })
    }

    @Test(arguments: StoreFactories.all)
    func aMergeTakesTheReferralAnswerWhenAskedAndNeverASelfReferral(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let into = try s.customer("Dana", email: "dana@new.example")
        let from = try s.customer("Dee", email: "dana@old.example")
        try s.store.recordReferral(customer: from.id, referrer: nil, source: "radio", coupon: "R1", thankYou: nil,
                                   at: ContractStore.t0)
        try s.store.recordReferral(customer: into.id, referrer: from.id, source: nil, coupon: nil, thankYou: nil,
                                   at: ContractStore.t0)
        let plan = CustomerMerge.Plan(from: from.id, into: into.id, expectedFromOwner: nil, expectedIntoOwner: nil,
                                      firstName: "Dana", lastName: "Whitfield", nameIsGuess: false, isExisting: false,
                                      takeReferralOfFrom: true,
                                      log: Assignment(customerID: into.id, from: nil, to: nil, by: "sam", note: "merged", at: ContractStore.t0))
        _ = try s.store.mergeCustomers(plan)
        let merged = try #require(try s.store.customer(id: into.id))
        #expect(merged.referredBy == nil && merged.referralSource == "radio")
    }

    @Test(arguments: StoreFactories.all)
    func aCustomersConversationsSayWhoWroteLast(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let answered = try s.conversation(with: dana, subject: "Answered")
        _ = try s.store.appendMessage(NewMessage(conversationID: answered.id, direction: .outbound, author: "sam",
                                                 from: "sam@example.com", to: [dana.primaryEmail], subject: "Re: Answered",
                                                 text: "Hi Dana", messageID: "r1@example.com",
                                                 date: ContractStore.t0.addingTimeInterval(10)))
        _ = try s.store.addNote(conversation: answered.id, agent: ContractStore.sam, text: "note", at: ContractStore.t0.addingTimeInterval(20))
        let empty = try s.store.startConversation(customer: dana.id, subject: "Draft only", at: ContractStore.t0.addingTimeInterval(30))
        let history = try s.store.customerConversations(dana.id, agent: "sam")
        #expect(history.map(\.summary.id) == [empty.id, answered.id])
        #expect(history.map(\.lastWriter) == [.nobody, .agent("sam")], "notes are not writing to the customer")
        #expect(try s.store.customerConversations(dana.id + 999, agent: "sam").isEmpty)
    }
}
