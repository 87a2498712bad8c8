import Foundation
import RapportCore
import Testing

/// Cover while away: absences are kept as given, a cover reply leaves the owner and is logged, and
/// Mine can be read with the customers of the agents one covers for.
@Suite struct CoverContractTests {
    static let t0 = ContractStore.t0
    static func away(_ login: String, cover: String, days: Double = 7) -> Absence {
        Absence(login: login, until: t0.addingTimeInterval(days * 86_400), cover: cover, setBy: login, since: t0)
    }

    @Test(arguments: StoreFactories.all)
    func anAbsenceIsKeptReplacedAndEnded(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        #expect(try s.store.absences().isEmpty)
        try s.store.setAbsence(Self.away("sam", cover: "priya"))
        #expect(try s.store.absences() == [Self.away("sam", cover: "priya")])
        // A second absence for the same agent replaces the first.
        try s.store.setAbsence(Self.away("sam", cover: "priya", days: 14))
        #expect(try s.store.absences() == [Self.away("sam", cover: "priya", days: 14)])
        // Another instance reads the same.
        #expect(try s.secondInstance().absences() == [Self.away("sam", cover: "priya", days: 14)])
        #expect(try s.store.endAbsence(login: "sam") == Self.away("sam", cover: "priya", days: 14))
        #expect(try s.store.endAbsence(login: "sam") == nil)
        #expect(try s.store.absences().isEmpty)
    }

    @Test(arguments: StoreFactories.all)
    func anAbsenceOfAnUnknownAgentIsRefused(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        #expect(throws: (any Error).self) { try s.store.setAbsence(Self.away("nobody", cover: "priya")) }
        #expect(throws: (any Error).self) { try s.store.setAbsence(Self.away("sam", cover: "nobody")) }
        #expect(try s.store.absences().isEmpty)
    }

    @Test(arguments: StoreFactories.all)
    func aCoverReplyLeavesTheOwnerAndIsLogged(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        let assignments = try s.store.assignments(customer: dana.id)
        let item = try queueOutboxItem(s.store, conversation: c.id, agent: "priya", text: "Hi Dana,\n\nOK.\n\nPriya",
                                       at: Self.t0, coveringFor: "sam")
        #expect(item.agent == "priya")
        #expect(try s.store.customer(id: dana.id)?.owner == "sam")
        #expect(try s.store.assignments(customer: dana.id) == assignments)
        let log = try s.store.coverLog(customer: dana.id)
        #expect(log == [CoverEntry(customerID: dana.id, owner: "sam", coverer: "priya", messageID: item.messageRowID, at: Self.t0)])
        #expect(try s.store.messages(conversation: c.id).last?.author == "priya")
    }

    @Test(arguments: StoreFactories.all)
    func aCoverReplyIsRefusedWhenTheOwnerChangedMeanwhile(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "priya")
        let c = try s.conversation(with: dana)
        #expect(throws: RapportError.self) {
            try queueOutboxItem(s.store, conversation: c.id, agent: "priya", text: "Hi", at: Self.t0, coveringFor: "sam")
        }
        #expect(try s.store.coverLog(customer: dana.id).isEmpty)
        #expect(try s.store.messages(conversation: c.id).count == 1)
    }

    @Test(arguments: StoreFactories.all)
    func mineCanIncludeTheCustomersOfOtherOwners(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        try s.store.addAgent(Agent(login: "jo", firstName: "Jo", lastName: "Park", email: "jo@example.com"))
        let dana = try s.customer("Dana", owner: "sam")
        let amara = try s.customer("Amara", owner: "priya")
        let lee = try s.customer("Lee", owner: "jo")
        for (i, customer) in [dana, amara, lee].enumerated() {
            try s.conversation(with: customer, at: Self.t0.addingTimeInterval(Double(i)))
        }
        func names(_ also: [String]) throws -> [String] {
            try s.store.conversations(ConversationQuery(owner: .agent("priya"), statuses: [.open, .pending], alsoOwners: also),
                                      from: nil, direction: .after, limit: 10, agent: "priya").map(\.customerName)
        }
        #expect(try names([]) == ["Amara Whitfield"])
        #expect(try names(["sam"]) == ["Amara Whitfield", "Dana Whitfield"])
        #expect(try names(["sam", "jo"]) == ["Lee Whitfield", "Amara Whitfield", "Dana Whitfield"])
    }

    @Test(arguments: StoreFactories.all)
    func theChangeFeedCarriesAbsencesAndCovers(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        let other = try s.secondInstance()
        let start = try other.latestChange()
        try s.store.setAbsence(Self.away("sam", cover: "priya"))
        try queueOutboxItem(s.store, conversation: c.id, agent: "priya", text: "Hi", at: Self.t0, coveringFor: "sam")
        _ = try s.store.endAbsence(login: "sam")
        let read = try other.changes(since: start)
        let entities = read.changes.map(\.entity)
        #expect(entities.filter { $0 == .absence }.count == 2)
        #expect(entities.contains(.cover))
        #expect(read.includesOthers(than: other.origin))
    }
}
