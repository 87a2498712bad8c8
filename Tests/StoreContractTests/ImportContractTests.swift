import Foundation
import RapportCore
import Testing

/// Customer books and heads-up lists: one transaction each, and importing the same file again adds nothing.
@Suite struct ImportContractTests {
    func rows(_ csv: String) throws -> [CustomerImport.Row] {
        let read = CustomerImport.read(try CSVTable(text: csv)) { _ in true }
        #expect(read.problems.isEmpty)
        return read.rows
    }

    let book = """
        first_name,last_name,email,owner,existing,email2
        Dana,Whitfield,dana@x.org,sam,yes,dana@bakery.example
        Marcus,Lee,marcus@x.org,,no,
        """

    @Test(arguments: StoreFactories.all)
    func aCustomerBookImportedTwiceAddsItOnce(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let first = try s.store.importCustomers(try rows(book), reassign: false, by: "sam")
        #expect(first == CustomerImportResult(added: 2, updated: 0, reassigned: 0))
        let again = try s.store.importCustomers(try rows(book), reassign: false, by: "sam")
        #expect(again.added == 0 && again.reassigned == 0)
        let dana = try #require(try s.store.customer(email: "dana@bakery.example"))
        #expect(dana.owner == "sam" && dana.isExisting && dana.addresses == ["dana@x.org", "dana@bakery.example"])
        #expect(try s.store.customers(owner: .anyone).count == 2)
        #expect(try s.store.customer(email: "marcus@x.org")?.owner == nil)
    }

    @Test(arguments: StoreFactories.all)
    func anOwnerChangeIsAConflictUnlessReassigning(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try s.store.importCustomers(try rows(book), reassign: false, by: "sam")
        let moved = try rows("""
            first_name,last_name,email,owner,existing
            Dana,Whitfield,dana@x.org,priya,yes
            """)
        let conflicts = try s.store.importConflicts(in: moved)
        #expect(conflicts.count == 1 && conflicts[0].isOwnerChange)
        #expect(throws: RapportError.self) { try s.store.importCustomers(moved, reassign: false, by: "sam") }
        #expect(try s.store.customer(email: "dana@x.org")?.owner == "sam")
        let result = try s.store.importCustomers(moved, reassign: true, by: "sam")
        #expect(result.reassigned == 1)
        let dana = try #require(try s.store.customer(email: "dana@x.org"))
        #expect(dana.owner == "priya")
        let logged = try #require(try s.store.assignments(customer: dana.id).last)
        #expect(logged.from == "sam" && logged.to == "priya" && logged.note == "import")
    }

    @Test(arguments: StoreFactories.all)
    func aRowWhoseAddressesBelongToTwoCustomersIsAConflict(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        try s.customer("Dana", email: "dana@x.org")
        try s.customer("Marcus", email: "marcus@x.org")
        let clash = try rows("""
            first_name,last_name,email,owner,existing,email2
            Marcus,Lee,marcus@x.org,,no,dana@x.org
            """)
        let conflicts = try s.store.importConflicts(in: clash)
        #expect(conflicts.count == 1 && !conflicts[0].isOwnerChange)
        #expect(throws: RapportError.self) { try s.store.importCustomers(clash, reassign: true, by: "sam") }
        #expect(try s.store.customer(email: "marcus@x.org")?.addresses == ["marcus@x.org"], "a refused import writes nothing")
        #expect(try s.store.customer(email: "dana@x.org")?.firstName == "Dana")
    }

    func headsUps(_ emails: [String]) -> [HeadsUpImport.Row] {
        emails.enumerated().map {
            HeadsUpImport.Row(line: $0.offset + 2, email: $0.element, kind: "fee",
                              effectiveDate: ContractStore.t0.addingTimeInterval(30 * 86_400),
                              details: "Paper statements cost 2", leadDays: 10)
        }
    }

    @Test(arguments: StoreFactories.all)
    func aHeadsUpListImportedTwiceCreatesItsDraftsOnce(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        let lee = try s.customer("Lee")
        let make = { (row: HeadsUpImport.Row, c: Customer, owner: Agent?) in
            PreparedMessage(subject: "A change to your fees", text: "Hi \(c.firstName), \(row.details). \(owner?.firstName ?? "")")
        }
        #expect(try s.store.importHeadsUps(headsUps([dana.primaryEmail, lee.primaryEmail]), message: make) == 2)
        #expect(try s.store.importHeadsUps(headsUps([dana.primaryEmail, lee.primaryEmail]), message: make) == 0)
        let queue = try s.store.headsUpQueue(agent: "sam")
        #expect(queue.map(\.customerID) == [dana.id])
        #expect(queue[0].due == ContractStore.t0.addingTimeInterval(20 * 86_400))
        let draft = try #require(try s.store.draft(conversation: queue[0].conversationID, agent: "sam"))
        #expect(draft.text == "Hi Dana, Paper statements cost 2. Sam")
        let status = try s.store.headsUpStatus(now: ContractStore.t0)
        #expect(status.map(\.affected) == [2] && status.map(\.told) == [0])
    }

    @Test(arguments: StoreFactories.all)
    func aHeadsUpListWithAnUnknownCustomerWritesNothing(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        #expect(throws: RapportError.self) {
            try s.store.importHeadsUps(headsUps([dana.primaryEmail, "ghost@x.org"])) { _, _, _ in
                PreparedMessage(subject: "s", text: "t")
            }
        }
        #expect(try s.store.headsUpQueue(agent: "sam").isEmpty)
        #expect(try s.store.headsUpStatus(now: ContractStore.t0).isEmpty)
    }
}
