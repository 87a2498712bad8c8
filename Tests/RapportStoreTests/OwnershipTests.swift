import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite struct OwnershipTests {
    @Test func assigningAnUnassignedCustomerNeedsNoNoteAndIsLogged() throws {
        let t = try TemporaryStore()
        let dana = try t.customer()
        #expect(dana.owner == nil)
        let entry = try Ownership(store: t.store).change(customer: dana.id, to: "sam", by: "priya", note: nil)
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
                try Ownership(store: t.store).change(customer: dana.id, to: "priya", by: "priya", note: note)
            }
        }
        try Ownership(store: t.store).change(customer: dana.id, to: "priya", by: "priya", note: "Renewal due in May; she prefers email.")
        let log = try t.store.assignments(customer: dana.id)
        #expect(log.count == 2)
        #expect(log.last?.from == "sam" && log.last?.to == "priya")
        #expect(log.last?.note == "Renewal due in May; she prefers email.")
    }

    @Test func anOwnerChangeIsWrittenOnlyWhileTheOwnerIsStillTheOneRead() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let before = try t.tableCounts()
        // Decided on "unassigned", but Sam took her meanwhile: nothing is written, and the caller decides again.
        #expect(try t.store.changeOwner(customer: dana.id, from: nil, to: "priya", by: "priya", note: nil, at: Date()) == nil)
        #expect(try t.tableCounts() == before)
        #expect(try t.store.customer(id: dana.id)?.owner == "sam")
        let entry = try t.store.changeOwner(customer: dana.id, from: "sam", to: "priya", by: "priya", note: "Sam is away", at: Date())
        #expect(entry?.from == "sam" && entry?.to == "priya")
        #expect(try t.store.assignments(customer: dana.id).last?.note == "Sam is away")
        #expect(throws: RapportError.unknownCustomer("#999")) {
            try t.store.changeOwner(customer: 999, from: nil, to: "sam", by: "sam", note: nil, at: Date())
        }
    }

    @Test func refusedActionsWriteNothing() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let before = try t.tableCounts()
        #expect(throws: RapportError.self) { try Ownership(store: t.store).change(customer: dana.id, to: "priya", by: "priya", note: nil) }
        #expect(throws: RapportError.self) { try Ownership(store: t.store).change(customer: dana.id, to: "nobody", by: "sam", note: "x") }
        #expect(throws: RapportError.self) { try Ownership(store: t.store).change(customer: dana.id, to: "sam", by: "sam", note: "x") }
        #expect(throws: RapportError.self) { try Ownership(store: t.store).change(customer: 999, to: "sam", by: "sam", note: nil) }
        #expect(throws: RapportError.self) { try t.customer("Other", email: "DANA@example.org") }
        #expect(throws: RapportError.self) {
            try Agents(store: t.store).add(Agent(login: "bot", firstName: "No", lastName: "Reply", email: "no-reply@example.com"))
        }
        #expect(try t.tableCounts() == before)
        #expect(try t.store.customer(id: dana.id)?.owner == "sam")
    }

    @Test func unassigningNeedsANoteAndLogsTheReturnToTheQueue() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        #expect(throws: RapportError.self) { try Ownership(store: t.store).change(customer: dana.id, to: nil, by: "sam", note: nil) }
        try Ownership(store: t.store).change(customer: dana.id, to: nil, by: "sam", note: "Leaving the team")
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
