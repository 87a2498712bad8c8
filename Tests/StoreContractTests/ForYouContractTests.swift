import Foundation
import RapportCore
import Testing

/// "For you": mentions as recorded, takeovers from the assignment log, and the read mark.
@Suite struct ForYouContractTests {
    @Test(arguments: StoreFactories.all)
    func mentionsAndTakeoversAreListedNewestFirst(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana, subject: "Renewal")
        let priya = try #require(try s.store.agent(login: "priya"))
        let note = try s.store.addNote(conversation: c.id, agent: priya, text: "@sam she called", at: ContractStore.t0)
        try s.store.addMentions(message: note.id, agents: ["sam"])
        try s.store.addMentions(message: note.id, agents: ["sam"])   // once only
        _ = try s.store.changeOwner(customer: dana.id, from: "sam", to: "priya", by: "priya", note: "She asked for me",
                                    at: ContractStore.t0.addingTimeInterval(60))
        let items = try s.secondInstance().forYou(agent: "sam", limit: 10)
        #expect(items.map(\.kind) == [.takeover, .mention])
        #expect(items[0].text == "She asked for me" && items[0].by == "priya" && items[0].to == "priya")
        #expect(items[0].conversationID == c.id && items[0].customerName == "Dana Whitfield")
        #expect(items[1].text == "@sam she called" && items[1].by == "priya" && items[1].subject == "Renewal")
        #expect(items[1].at == ContractStore.t0 && items[1].conversationID == c.id)
        // Priya was neither mentioned nor had a customer taken.
        #expect(try s.store.forYou(agent: "priya", limit: 10).isEmpty)
        #expect(try s.store.forYou(agent: "sam", limit: 1).count == 1)
    }

    @Test(arguments: StoreFactories.all)
    func theReadMarkOnlyMovesForward(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        #expect(try s.store.forYouReadAt(agent: "sam") == nil)
        try s.store.markForYouRead(agent: "sam", at: ContractStore.t0)
        try s.store.markForYouRead(agent: "sam", at: ContractStore.t0.addingTimeInterval(-60))
        #expect(try s.secondInstance().forYouReadAt(agent: "sam") == ContractStore.t0)
        #expect(try s.store.forYouReadAt(agent: "priya") == nil)
    }

    @Test(arguments: StoreFactories.all)
    func theChangeFeedCarriesMentionsAndReadMarks(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        let other = try s.secondInstance()
        let start = try other.latestChange()
        let note = try s.store.addNote(conversation: c.id, agent: ContractStore.priya, text: "@sam", at: ContractStore.t0)
        try s.store.addMentions(message: note.id, agents: ["sam"])
        try s.store.markForYouRead(agent: "sam", at: ContractStore.t0)
        let entities = try other.changes(since: start).changes.map(\.entity)
        #expect(entities.contains(.mention) && entities.contains(.forYouSeen))
    }
}
