import Foundation
import RapportApp
import RapportCore
import Testing

/// `Customers.edit` and `Customers.merge` on a real store: what may change, what is refused with nothing written.
@Suite struct CustomerEditAndMergeTests {
    @Test func anEditAddsBeforeItRemovesSoTheOnlyAddressCanBeReplaced() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let customers = Customers(store: f.store)
        let edited = try customers.edit(customer: dana.id, .init(addAddresses: ["Dana@New.example"], removeAddresses: ["dana@example.org"]))
        #expect(edited.addresses == ["dana@new.example"])
    }

    @Test func anEditIsRefusedWholeWhenAnyPartIsRefused() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let eli = try f.customer("Eli", email: "eli@example.org", owner: nil)
        let customers = Customers(store: f.store)
        #expect(throws: RapportError.self) {
            try customers.edit(customer: dana.id, .init(firstName: "Danielle", addAddresses: [eli.primaryEmail]))
        }
        #expect(throws: RapportError.self) { try customers.edit(customer: dana.id, .init(removeAddresses: ["dana@example.org"])) }
        #expect(throws: RapportError.self) { try customers.edit(customer: dana.id, .init(firstName: "Dana\nBcc: x")) }
        #expect(throws: RapportError.self) { try customers.edit(customer: dana.id, .init(firstName: "  ")) }
        #expect(throws: RapportError.self) { try customers.edit(customer: dana.id, .init(removeAddresses: [eli.primaryEmail])) }
        let after = try #require(try f.store.customer(id: dana.id))
        #expect(after.fullName == "Dana Whitfield" && after.addresses == ["dana@example.org"], "nothing was written")
        #expect(try customers.edit(customer: dana.id, .init(lastName: "")).fullName == "Dana", "a last name may be cleared")
    }

    @Test func aMergeFromAnotherOwnerNeedsAHandoffNoteAndIsLogged() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let twin = try f.customer("Dana", email: "dana@work.example", owner: "priya")
        let conversation = try f.conversation(twin)
        let customers = Customers(store: f.store, clock: { f.now })
        #expect(throws: RapportError.self) { try customers.merge(twin.id, into: dana.id, by: "sam", note: " ") }
        #expect(try f.store.customer(id: twin.id) != nil)
        let entry = try customers.merge(twin.id, into: dana.id, by: "sam", note: "Same Dana, her shop's address")
        #expect(entry.from == "priya" && entry.to == "sam" && entry.by == "sam" && entry.at == f.now)
        #expect(entry.note == "merged Dana Whitfield (dana@work.example) into this customer: Same Dana, her shop's address")
        #expect(try f.store.customer(id: dana.id)?.owner == "sam", "the owner of INTO stays")
        #expect(try f.store.conversation(id: conversation)?.customerID == dana.id)
        #expect(try customers.page(customer: dana.id, agent: "sam").profile.health?.ownerChangesLastYear == 1,
                "Priya's conversations changed hands")
        #expect(throws: RapportError.self) { try customers.merge(dana.id, into: dana.id, by: "sam", note: nil) }
    }

    @Test func aMergeOfTheSameOwnerNeedsNoNoteAndIsNoChangeOfPerson() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let twin = try f.customer("Dana", email: "dana@work.example", owner: "sam")
        let customers = Customers(store: f.store, clock: { f.now })
        #expect(try customers.page(customer: dana.id, agent: "sam").likelyDuplicates.map(\.id) == [twin.id])
        try customers.merge(twin.id, into: dana.id, by: "sam", note: nil)
        let page = try customers.page(customer: dana.id, agent: "sam")
        #expect(page.profile.health?.ownerChangesLastYear == 0)
        #expect(page.likelyDuplicates.isEmpty)
        #expect(page.customer.addresses == ["dana@example.org", "dana@work.example"])
    }
}
