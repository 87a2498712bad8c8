import Foundation
import RapportCore

/// Adding, finding, editing, merging and importing customers; a customer's whole page.
public struct Customers {
    public let store: any WorkflowStore
    public var clock: () -> Date

    public init(store: any WorkflowStore, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.clock = clock
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

    /// The customer with this id, or nil when there is none (any more: merged into another).
    public func lookUp(id: CustomerID) throws -> Customer? {
        try store.customer(id: id)
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

    /// Customers whose name (first, last or full) or an address starts with `text`, by name.
    public func search(_ text: String, limit: Int = 500) throws -> [Customer] {
        try store.findCustomers(matching: text, limit: limit)
    }

    /// Everything about one customer: profile, every conversation, the assignment log, likely duplicates.
    public func page(customer id: CustomerID, agent: String) throws -> CustomerPage {
        guard var profile = try store.customerProfile(id: id, now: clock()) else { throw RapportError.unknownCustomer("#\(id)") }
        profile.likelyDuplicates = try likelyDuplicates(of: profile.customer)
        return CustomerPage(profile: profile, conversations: try store.customerConversations(id, agent: agent),
                            assignments: try store.assignments(customer: id))
    }

    /// Other customers who are likely the same person (`CustomerMerge.likelyDuplicates`).
    public func likelyDuplicates(of customer: Customer) throws -> [Customer] {
        guard !customer.nameIsGuess else { return [] }
        return CustomerMerge.likelyDuplicates(of: customer, among: try store.customers(named: customer.fullName, limit: 20))
    }

    /// What `edit` changes; nil fields stay as they are.
    public struct Edit: Sendable, Hashable {
        public var firstName, lastName: String?
        public var addAddresses: [String]
        public var removeAddresses: [String]

        public init(firstName: String? = nil, lastName: String? = nil, addAddresses: [String] = [], removeAddresses: [String] = []) {
            self.firstName = firstName
            self.lastName = lastName
            self.addAddresses = addAddresses
            self.removeAddresses = removeAddresses
        }

        public var isEmpty: Bool { firstName == nil && lastName == nil && addAddresses.isEmpty && removeAddresses.isEmpty }
    }

    /// Sets a name a person gives (it is no longer a guess), then adds addresses, then removes some: so
    /// one edit can replace a customer's only address. Refused before anything is written when a name
    /// is unusable, an address belongs to another customer, is not theirs to remove, or is the last.
    @discardableResult
    public func edit(customer id: CustomerID, _ edit: Edit) throws -> Customer {
        let current = try find(id: id)
        let first = (edit.firstName ?? current.firstName).trimmingCharacters(in: .whitespaces)
        let last = (edit.lastName ?? current.lastName).trimmingCharacters(in: .whitespaces)
        for (name, field) in [(first, "first name"), (last, "last name")] {
            if let problem = PersonName.problem(name, field: field) { throw RapportError.invalid(problem) }
        }
        if edit.firstName != nil, first.isEmpty { throw RapportError.invalid("a customer needs a first name") }
        var addresses = current.addresses.map { $0.lowercased() }
        for address in edit.addAddresses {
            let email = EmailAddress.normalized(address)
            guard EmailAddress.isPlausible(email) else { throw RapportError.invalid("'\(address)' is not an email address") }
            if let other = try store.customer(email: email), other.id != id {
                throw RapportError.addressTaken(email, byCustomer: other.fullName)
            }
            if !addresses.contains(email.lowercased()) { addresses.append(email.lowercased()) }
        }
        for address in edit.removeAddresses {
            let email = EmailAddress.normalized(address).lowercased()
            guard let index = addresses.firstIndex(of: email) else {
                throw RapportError.invalid("\(address) is not an address of \(current.fullName)")
            }
            addresses.remove(at: index)
        }
        if addresses.isEmpty {
            throw RapportError.invalid("\(current.fullName) would have no address left; a customer keeps at least one")
        }
        if edit.firstName != nil || edit.lastName != nil {
            try store.renameCustomer(id, firstName: first, lastName: last)
        }
        for address in edit.addAddresses { try store.addAddress(address, to: id) }
        for address in edit.removeAddresses { try store.removeAddress(address, from: id) }
        return try find(id: id)
    }

    /// Makes two records of one person one customer (`CustomerMerge`): `into` stays, with its owner;
    /// a different owner on `from` needs a handoff `note`. Decided again if either owner changes meanwhile.
    @discardableResult
    public func merge(_ from: CustomerID, into: CustomerID, by agent: String, note: String?) throws -> Assignment {
        for _ in 0..<3 {
            let plan = try CustomerMerge.plan(from: try find(id: from), into: try find(id: into), by: agent, note: note, at: clock())
            if let entry = try store.mergeCustomers(plan) { return entry }
        }
        throw RapportError.invalid("the owners of the two customers keep changing; try again")
    }
}
