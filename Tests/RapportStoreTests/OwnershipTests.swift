import Foundation
import RapportCore
import Testing
@testable import RapportStore

@Suite struct OwnershipTests {
    @Test func assigningAnUnassignedCustomerNeedsNoNoteAndIsLogged() throws {
        let t = try TemporaryStore()
        let dana = try t.customer()
        #expect(dana.owner == nil)
        let entry = try t.store.assign(customer: dana.id, to: "sam", by: "priya", note: nil)
        #expect(entry.from == nil && entry.to == "sam" && entry.by == "priya")
        #expect(try t.store.customer(id: dana.id)?.owner == "sam")
        let log = try t.store.assignments(customer: dana.id)
        #expect(log.map(\.to) == ["sam"])
    }

    @Test func takingFromAnotherOwnerNeedsAHandoffNote() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        for note in [nil, "", "   \n"] {
            #expect(throws: RapportError.handoffNoteRequired(customer: "Dana Whitfield", owner: "sam")) {
                try t.store.assign(customer: dana.id, to: "priya", by: "priya", note: note)
            }
        }
        try t.store.assign(customer: dana.id, to: "priya", by: "priya", note: "Renewal due in May; she prefers email.")
        let log = try t.store.assignments(customer: dana.id)
        #expect(log.count == 2)
        #expect(log.last?.from == "sam" && log.last?.to == "priya")
        #expect(log.last?.note == "Renewal due in May; she prefers email.")
    }

    @Test func refusedActionsWriteNothing() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let before = try t.tableCounts()
        #expect(throws: RapportError.self) { try t.store.assign(customer: dana.id, to: "priya", by: "priya", note: nil) }
        #expect(throws: RapportError.self) { try t.store.assign(customer: dana.id, to: "nobody", by: "sam", note: "x") }
        #expect(throws: RapportError.self) { try t.store.assign(customer: dana.id, to: "sam", by: "sam", note: "x") }
        #expect(throws: RapportError.self) { try t.store.assign(customer: 999, to: "sam", by: "sam", note: nil) }
        #expect(throws: RapportError.self) { try t.customer("Other", email: "DANA@example.org") }
        #expect(throws: RapportError.self) {
            try t.store.addAgent(Agent(login: "bot", firstName: "No", lastName: "Reply", email: "no-reply@example.com"))
        }
        #expect(try t.tableCounts() == before)
        #expect(try t.store.customer(id: dana.id)?.owner == "sam")
    }

    @Test func unassigningNeedsANoteAndLogsTheReturnToTheQueue() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        #expect(throws: RapportError.self) { try t.store.assign(customer: dana.id, to: nil, by: "sam", note: nil) }
        try t.store.assign(customer: dana.id, to: nil, by: "sam", note: "Leaving the team")
        #expect(try t.store.customer(id: dana.id)?.owner == nil)
        #expect(try t.store.assignments(customer: dana.id).last?.to == nil)
    }

    @Test func aSecondAddressFindsTheSameCustomerAndOwner() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        try t.store.addAddress("Dana@WhitfieldBakery.example", to: dana.id)
        let found = try #require(try t.store.customer(email: "dana@whitfieldbakery.example"))
        #expect(found.id == dana.id && found.owner == "sam")
        #expect(found.addresses == ["dana@example.org", "dana@whitfieldbakery.example"])
        let marcus = try t.customer("Marcus", email: "marcus@example.org")
        #expect(throws: RapportError.self) { try t.store.addAddress("dana@whitfieldbakery.example", to: marcus.id) }
    }
}
