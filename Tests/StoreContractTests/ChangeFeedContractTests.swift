import Foundation
import RapportCore
import Testing

/// Every write appends to the change sequence, tagged with the instance that wrote it.
@Suite struct ChangeFeedContractTests {
    func changes(_ store: any StorePort, since: Int64) throws -> [StoreChange] {
        let read = try store.changes(since: since)
        #expect(read.isComplete)
        return read.changes
    }

    @Test(arguments: StoreFactories.all)
    func aWriteAppendsItsChangeWithTheWritersOrigin(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let before = try s.store.latestChange()
        let dana = try s.customer(owner: "sam")
        let after = try s.store.latestChange()
        #expect(after > before)
        let written = try changes(s.store, since: before)
        #expect(written.allSatisfy { $0.origin == s.store.origin })
        #expect(written.contains { $0.entity == .customer && $0.entityID == dana.id })
        #expect(written.map(\.sequence) == written.map(\.sequence).sorted())
        #expect(written.last?.sequence == after)
    }

    @Test(arguments: StoreFactories.all)
    func nothingNewAfterTheLatestChange(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        try s.customer()
        let latest = try s.store.latestChange()
        let read = try s.store.changes(since: latest)
        #expect(read.changes.isEmpty && read.isComplete && read.latest == latest)
        _ = try s.store.counts(agent: "sam")      // reads are not changes
        _ = try s.store.agents()
        #expect(try s.store.latestChange() == latest)
    }

    @Test(arguments: StoreFactories.all)
    func anotherInstancesWritesCarryItsOwnOrigin(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let other = try s.secondInstance()
        #expect(other.origin != s.store.origin)
        let start = try s.store.latestChange()
        let dana = try s.customer(owner: "sam")
        try changeOwner(other, dana.id, to: "priya", by: "priya", note: "Sam is away")
        let seen = try changes(s.store, since: start)
        #expect(seen.contains { $0.origin == s.store.origin && $0.entity == .customer })
        let theirs = seen.filter { $0.origin == other.origin }
        #expect(theirs.contains { $0.entity == .customer && $0.entityID == dana.id })
        #expect(theirs.contains { $0.entity == .assignment })
        // Both instances read the same sequence.
        #expect(try changes(other, since: start) == seen)
    }

    @Test(arguments: StoreFactories.all)
    func aRefusedWriteAppendsNothing(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let latest = try s.store.latestChange()
        #expect(throws: (any Error).self) { try changeOwner(s.store, dana.id, to: "nobody", by: "sam", note: "x") }
        #expect(throws: RapportError.self) { try s.customer("Other", email: dana.primaryEmail) }
        #expect(try s.store.latestChange() == latest)
    }

    @Test(arguments: StoreFactories.all)
    func eachKindOfWriteNamesWhatItChanged(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        var mark = try s.store.latestChange()
        func expectChange(_ entity: StoreEntity, _ id: Int64, _ what: String) throws {
            let news = try changes(s.store, since: mark)
            #expect(news.contains { $0.entity == entity && $0.entityID == id }, "\(what): \(news)")
            mark = try s.store.latestChange()
        }
        let c = try s.store.startConversation(customer: dana.id, subject: "Hello", at: ContractStore.t0)
        try expectChange(.conversation, c.id, "start a conversation")
        let m = try s.inbound(c.id, from: dana)
        try expectChange(.message, m.id, "append a message")
        try s.store.setStatus(.pending, conversation: c.id)
        try expectChange(.conversation, c.id, "set a status")
        try s.store.markSeen(conversation: c.id, agent: "sam", at: ContractStore.t0)
        try expectChange(.seen, c.id, "mark seen")
        try s.store.saveDraft(Draft(conversationID: c.id, agent: "sam", kind: .reply, text: "Hi", cursor: 2, updated: ContractStore.t0))
        try expectChange(.draft, c.id, "save a draft")
        try s.store.deleteDraft(conversation: c.id, agent: "sam")
        try expectChange(.draft, c.id, "delete a draft")
        try changeOwner(s.store, dana.id, to: nil, by: "sam", note: "Leaving")
        try expectChange(.customer, dana.id, "assign")
        try s.store.addAddress("dana@work.example", to: dana.id)
        try expectChange(.customer, dana.id, "add an address")
        try changeOwner(s.store, dana.id, to: "sam", by: "sam", note: nil)
        let item = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nDone.\n\nSam", at: ContractStore.t0)
        try expectChange(.outbox, item.id, "queue a reply")
        _ = try s.store.claimForSending(item.id, claim: testClaim, at: ContractStore.t0)
        try s.store.markSent(item.id, at: ContractStore.t0)
        try expectChange(.outbox, item.id, "deliver a reply")
        try s.store.addAgent(Agent(login: "lee", firstName: "Lee", lastName: "Park", email: "lee@example.com"))
        #expect(try changes(s.store, since: mark).contains { $0.entity == .agent })
    }

    @Test(arguments: StoreFactories.all)
    func theWakeUpTokenMovesWhenAnotherInstanceCommits(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let other = try s.secondInstance()
        let before = try s.store.changeToken()
        #expect(try s.store.changeToken() == before, "reading does not move it")
        try other.addAgent(Agent(login: "lee", firstName: "Lee", lastName: "Park", email: "lee@example.com"))
        // At once on SQLite; on PostgreSQL when the commit's notification arrives.
        let deadline = Date().addingTimeInterval(10)
        while try s.store.changeToken() == before, Date() < deadline { usleep(1_000) }
        #expect(try s.store.changeToken() != before)
    }

    @Test(arguments: StoreFactories.all)
    func theLogIsBoundedAndSaysWhenItNoLongerReachesBack(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let start = try s.store.latestChange()
        // One transaction of many writes: 6,000 customers, each a customer and an address change.
        let csv = "first_name,last_name,email,owner,existing\n"
            + (0..<6_000).map { "C\($0),Last,c\($0)@x.org,,no" }.joined(separator: "\n")
        let rows = CustomerImport.read(try CSVTable(text: csv)) { _ in true }.rows
        #expect(try s.store.importCustomers(rows, reassign: false, by: "sam").added == 6_000)
        let latest = try s.store.latestChange()
        #expect(latest - start >= 12_000)
        let fromStart = try s.store.changes(since: start)
        #expect(!fromStart.isComplete, "the oldest changes were dropped")
        #expect(fromStart.changes.count <= 11_000 && fromStart.latest == latest)
        let recent = try s.store.changes(since: latest - 100)
        #expect(recent.isComplete && recent.changes.count == 100)
    }
}
