import Foundation
import RapportCore
import Testing

/// What an imported row means for the customers its addresses already belong to: refused, an owner
/// change that needs --reassign, a quiet first owner, or just new addresses.
@Suite struct CustomerImportMatchTests {
    func row(_ line: String) throws -> CustomerImport.Row {
        let table = try CSVTable(text: "first_name,last_name,email,owner,email2\n" + line + "\n")
        let read = CustomerImport.read(table) { ["priya", "sam"].contains($0) }
        return try #require(read.rows.first, "\(read.problems)")
    }

    func customer(_ id: CustomerID, _ first: String, owner: String?, addresses: [String]) -> Customer {
        Customer(id: id, firstName: first, lastName: "Lane", owner: owner, addresses: addresses,
                 created: Date(timeIntervalSince1970: 0), isExisting: false)
    }

    @Test func addressesOfSeveralCustomersAreRefused() throws {
        let r = try row("Jo,Lane,jo@x.example,priya,jo@y.example")
        let both = [customer(1, "Jo", owner: nil, addresses: ["jo@x.example"]),
                    customer(2, "Joanne", owner: "sam", addresses: ["jo@y.example"])]
        #expect(CustomerImport.conflict(row: r, matches: both) == ImportConflict(
            problem: ImportProblem(line: 2, message: "its addresses belong to different customers: Jo Lane, Joanne Lane"),
            isOwnerChange: false))
        #expect(throws: RapportError.invalid("line 2: its addresses belong to different customers")) {
            try CustomerImport.customer(for: r, among: both)
        }
    }

    @Test func anotherOwnerIsAConflictThatNamesBoth() throws {
        let r = try row("Jo,Lane,jo@x.example,,")
        let jo = customer(1, "Jo", owner: "sam", addresses: ["jo@x.example"])
        #expect(CustomerImport.conflict(row: r, matches: [jo]) == ImportConflict(
            problem: ImportProblem(line: 2, message: "Jo Lane is looked after by sam; the file says nobody "
                + "(use --reassign to change owners; it is logged with the note \"import\")"),
            isOwnerChange: true))
        #expect(throws: RapportError.invalid("line 2: owner change needs --reassign")) {
            try CustomerImport.ownerChange(of: jo, by: r, reassign: false)
        }
        #expect(try CustomerImport.ownerChange(of: jo, by: r, reassign: true) == .reassign)
        #expect(CustomerImport.OwnerChange.reassign.note == "import")
    }

    @Test func anUnownedCustomerTakesTheFilesOwnerWithoutConflict() throws {
        let r = try row("Jo,Lane,jo@x.example,priya,")
        let jo = customer(1, "Jo", owner: nil, addresses: ["jo@x.example"])
        #expect(CustomerImport.conflict(row: r, matches: [jo]) == nil)
        #expect(try CustomerImport.ownerChange(of: jo, by: r, reassign: false) == .assign)
        #expect(CustomerImport.OwnerChange.assign.note == nil, "a first owner is no change of person")
    }

    @Test func theSameOwnerOrANewCustomerIsNoConflict() throws {
        let r = try row("Jo,Lane,jo@x.example,sam,jo@new.example")
        let jo = customer(1, "Jo", owner: "sam", addresses: ["jo@x.example"])
        #expect(CustomerImport.conflict(row: r, matches: [jo]) == nil)
        #expect(CustomerImport.conflict(row: r, matches: []) == nil)
        #expect(try CustomerImport.customer(for: r, among: []) == nil)
        #expect(try CustomerImport.ownerChange(of: jo, by: r, reassign: false) == nil)
        #expect(CustomerImport.newAddresses(of: r, for: jo) == ["jo@new.example"])
    }
}
