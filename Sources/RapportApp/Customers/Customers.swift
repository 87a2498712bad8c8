import Foundation
import RapportCore

/// Adding, finding and importing customers.
public struct Customers {
    public let store: any WorkflowStore

    public init(store: any WorkflowStore) {
        self.store = store
    }

    /// Adds a customer; with an owner, `agent` is who is logged as giving them one.
    @discardableResult
    public func add(_ new: NewCustomer, by agent: String?) throws -> Customer {
        for (name, field) in [(new.firstName, "first name"), (new.lastName, "last name")] {
            if let problem = PersonName.problem(name, field: field) { throw RapportError.invalid(problem) }
        }
        return try store.addCustomer(new, by: agent)
    }

    /// The customer with this address (any of theirs); refused when there is none.
    public func find(email: String) throws -> Customer {
        guard let customer = try store.customer(email: email) else { throw RapportError.unknownCustomer(email) }
        return customer
    }

    /// The customer with this address, or nil when nobody has it.
    public func lookUp(email: String) throws -> Customer? {
        try store.customer(email: email)
    }

    public func find(id: CustomerID) throws -> Customer {
        guard let customer = try store.customer(id: id) else { throw RapportError.unknownCustomer("#\(id)") }
        return customer
    }

    /// Adds another address to a customer; an address belongs to one customer only.
    public func addAddress(_ email: String, to customer: CustomerID) throws {
        try store.addAddress(email, to: customer)
    }

    public func list(owner: OwnerFilter) throws -> [Customer] {
        try store.customers(owner: owner)
    }

    /// Reads the rows of a customer CSV and every problem that stops the import: bad rows, unknown
    /// owners, addresses of two customers, and owner changes unless `reassign` allows them.
    public func readImport(_ table: CSVTable, reassign: Bool) throws -> (rows: [CustomerImport.Row], problems: [ImportProblem]) {
        var (rows, problems) = try CustomerImport.read(table) { try store.agent(login: $0) != nil }
        problems += try store.importConflicts(in: rows).filter { !reassign || !$0.isOwnerChange }.map(\.problem)
        return (rows, problems.sorted { $0.line < $1.line })
    }

    /// Imports a book of customers, all or nothing; owner changes only with `reassign` (logged "import").
    public func `import`(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult {
        try store.importCustomers(rows, reassign: reassign, by: agent)
    }
}
