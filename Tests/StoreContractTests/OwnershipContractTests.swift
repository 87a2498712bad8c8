import Foundation
import RapportCore
import Testing

/// One owner per customer, decided by the store under its write lock; every change logged.
@Suite struct OwnershipContractTests {
    @Test(arguments: StoreFactories.all)
    func twoInstancesRacingToTakeACustomerHaveExactlyOneWinner(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let first = s.store
        let second = try s.secondInstance()
        let customers = try (0..<12).map { try s.customer("C\($0)") }
        for customer in customers {
            // Both take the same unowned customer, released together, each through its own instance.
            let outcomes = race(2) { i -> String? in
                let (store, agent) = i == 0 ? (first, ContractStore.sam.login) : (second, ContractStore.priya.login)
                return (try? takeCustomer(store, customer.id, agent: agent)).map { _ in agent }
            }
            let winners = outcomes.compactMap { $0 }
            #expect(winners.count == 1, "customer \(customer.id): \(outcomes)")
            let owner = try #require(try first.customer(id: customer.id)?.owner)
            #expect(winners == [owner])
            #expect(try second.customer(id: customer.id)?.owner == owner)
            // The log holds the winner's change only, and replays to the owner.
            let log = try first.assignments(customer: customer.id)
            #expect(log.count == 1 && log[0].from == nil && log[0].to == owner)
        }
    }

    /// The checked change runs its rule on the customer as they are behind the write lock: four instances
    /// taking the same customer from each other (a note each time) never fail for having read too early,
    /// a refusing rule writes nothing, and the log replays to the owner.
    @Test(arguments: StoreFactories.all)
    func aCheckedChangeDecidesOnTheCustomerAsTheyAreUnderTheWriteLock(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer()
        let stores = try [s.store] + (1..<4).map { _ in try s.secondInstance() }
        let agents = [ContractStore.sam.login, ContractStore.priya.login]
        let failures = race(stores.count) { i -> [String] in
            (0..<10).compactMap { round -> String? in
                do {
                    try stores[i].changeOwner(customer: dana.id, to: agents[(i + round) % 2], by: agents[i % 2],
                                              note: "round \(round)", at: Date()) { current in
                        if current.owner == agents[(i + round) % 2] { throw RapportError.alreadyOwner(customer: "Dana", owner: current.owner!) }
                    }
                    return nil
                } catch RapportError.alreadyOwner {
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        }
        #expect(failures.flatMap { $0 }.isEmpty)
        let log = try s.store.assignments(customer: dana.id)
        #expect(!log.isEmpty && log.first?.from == nil)
        for (previous, next) in zip(log, log.dropFirst()) { #expect(next.from == previous.to && next.to != next.from) }
        #expect(try s.store.customer(id: dana.id)?.owner == log.last?.to)

        #expect(throws: RapportError.invalid("no")) {
            try s.store.changeOwner(customer: dana.id, to: nil, by: "sam", note: "x", at: Date()) { _ in throw RapportError.invalid("no") }
        }
        #expect(throws: RapportError.unknownCustomer("#9999")) {
            try s.store.changeOwner(customer: 9_999, to: "sam", by: "sam", note: nil, at: Date()) { _ in }
        }
        #expect(try s.store.assignments(customer: dana.id).count == log.count)
    }

    @Test(arguments: StoreFactories.all)
    func theAssignmentLogReplaysToTheCurrentOwner(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer()
        try changeOwner(s.store, dana.id, to: "sam", by: "priya", note: nil)
        try changeOwner(s.store, dana.id, to: "priya", by: "priya", note: "Sam is on leave until May")
        try changeOwner(s.store, dana.id, to: nil, by: "priya", note: "Back to the queue")
        try changeOwner(s.store, dana.id, to: "sam", by: "sam", note: nil)
        let log = try s.store.assignments(customer: dana.id)
        #expect(log.map(\.to) == ["sam", "priya", nil, "sam"])
        #expect(log.map(\.by) == ["priya", "priya", "priya", "sam"])
        // Each entry starts where the previous one ended.
        for (previous, next) in zip(log, log.dropFirst()) { #expect(next.from == previous.to) }
        #expect(log.first?.from == nil)
        #expect(try s.store.customer(id: dana.id)?.owner == log.last?.to)
        #expect(log[1].note == "Sam is on leave until May")
    }

    @Test(arguments: StoreFactories.all)
    func assigningToAnUnknownAgentOrCustomerWritesNothing(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer()
        #expect(throws: (any Error).self) { try changeOwner(s.store, dana.id, to: "nobody", by: "sam", note: nil) }
        #expect(throws: RapportError.self) { try changeOwner(s.store, 9_999, to: "sam", by: "sam", note: nil) }
        #expect(try s.store.customer(id: dana.id)?.owner == nil)
        #expect(try s.store.assignments(customer: dana.id).isEmpty)
    }

    @Test(arguments: StoreFactories.all)
    func customersAreListedByOwner(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        let marcus = try s.customer("Marcus", owner: "priya")
        let lee = try s.customer("Lee")
        #expect(try s.store.customers(owner: .agent("sam")).map(\.id) == [dana.id])
        #expect(try s.store.customers(owner: .unassigned).map(\.id) == [lee.id])
        #expect(Set(try s.store.customers(owner: .anyone).map(\.id)) == [dana.id, marcus.id, lee.id])
    }

    @Test(arguments: StoreFactories.all)
    func anAddressBelongsToOneCustomerAndIsFoundWhateverItsCase(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        try s.store.addAddress("Dana@Bakery.example", to: dana.id)
        #expect(try s.store.customer(email: "dana@bakery.EXAMPLE")?.id == dana.id)
        #expect(try s.store.customer(id: dana.id)?.addresses == ["dana@example.org", "dana@bakery.example"])
        let marcus = try s.customer("Marcus")
        #expect(throws: RapportError.self) { try s.store.addAddress("DANA@bakery.example", to: marcus.id) }
        #expect(throws: RapportError.self) { try s.customer("Other", email: "DANA@example.org") }
        #expect(try s.store.customer(id: marcus.id)?.addresses == ["marcus@example.org"])
    }

    @Test(arguments: StoreFactories.all)
    func agentsAreReadBackAndUnique(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        #expect(Set(try s.store.agents().map(\.login)) == ["sam", "priya"])
        #expect(try s.store.agent(login: "sam") == ContractStore.sam)
        #expect(try s.store.agent(login: "nobody") == nil)
        #expect(throws: RapportError.self) {
            try s.store.addAgent(Agent(login: "sam2", firstName: "Sam", lastName: "Other", email: "SAM@example.com"))
        }
        #expect(try s.store.agents().count == 2)
    }
}
