import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Ownership, customers and agents")
struct OwnershipUseCaseTests {
    @Test("assigning, handing over with a note, and sending back to Unassigned are logged in order")
    func assignHandOverUnassign() throws {
        let f = try AppFixture()
        let dana = try f.customer(owner: nil)
        let ownership = Ownership(store: f.store)
        try ownership.assign(customer: dana.id, to: "sam", by: "sam", note: nil)
        #expect(throws: RapportError.handoffNoteRequired(customer: "Dana Whitfield", owner: "sam")) {
            try ownership.assign(customer: dana.id, to: "priya", by: "priya", note: nil)
        }
        try ownership.assign(customer: dana.id, to: "priya", by: "priya", note: "Sam is away")
        #expect(throws: RapportError.self) { try ownership.unassign(customer: dana.id, by: "priya", note: nil) }
        try ownership.unassign(customer: dana.id, by: "priya", note: "Leaving the team")
        let log = try ownership.history(customer: dana.id)
        #expect(log.map(\.to) == ["sam", "priya", nil])
        #expect(log.map(\.note) == [nil, "Sam is away", "Leaving the team"])
        #expect(try Customers(store: f.store).find(id: dana.id).owner == nil)
    }

    @Test("an unknown address or login is refused with what is known")
    func lookups() throws {
        let f = try AppFixture()
        try f.customer()
        #expect(throws: RapportError.unknownCustomer("ghost@example.org")) { try Customers(store: f.store).find(email: "ghost@example.org") }
        #expect(try Customers(store: f.store).find(email: "DANA@example.org").firstName == "Dana")
        #expect(throws: RapportError.unknownAgent("zoe", known: ["priya", "sam"])) { try Agents(store: f.store).named("zoe") }
    }

    @Test("an agent's address must be one a customer can answer; logins are plain words")
    func addingAgents() throws {
        let f = try AppFixture()
        let agents = Agents(store: f.store)
        #expect(throws: RapportError.noReplyAddress("no-reply@example.com")) {
            try agents.add(Agent(login: "bot", firstName: "No", lastName: "Reply", email: "no-reply@example.com"))
        }
        #expect(throws: RapportError.self) { try agents.add(Agent(login: "a b", firstName: "A", lastName: "B", email: "ab@example.com")) }
        #expect(throws: RapportError.duplicateAgent("sam")) {
            try agents.add(Agent(login: " sam ", firstName: "Sam", lastName: "Two", email: "sam2@example.com"))
        }
        try agents.add(Agent(login: " mei ", firstName: "Mei", lastName: "Chen", email: "mei@example.com"))
        #expect(try agents.list().map(\.login) == ["mei", "priya", "sam"])
    }

    @Test("a customer import with an owner change is a problem unless reassign allows it")
    func customerImport() throws {
        let f = try AppFixture()
        try f.customer()
        let customers = Customers(store: f.store)
        let table = try CSVTable(text: """
            first_name,last_name,email,owner,existing
            Dana,Whitfield,dana@example.org,priya,yes
            Marcus,Lee,marcus@example.org,sam,no
            """)
        let refused = try customers.readImport(table, reassign: false)
        #expect(refused.problems.map(\.line) == [2])
        let allowed = try customers.readImport(table, reassign: true)
        #expect(allowed.problems.isEmpty)
        let result = try customers.import(allowed.rows, reassign: true, by: "sam")
        #expect(result == CustomerImportResult(added: 1, updated: 1, reassigned: 1))
        #expect(try customers.find(email: "dana@example.org").owner == "priya")
    }
}
