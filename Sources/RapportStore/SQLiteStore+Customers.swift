import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    @discardableResult
    public func addCustomer(_ new: NewCustomer, by agent: String?) throws -> Customer {
        let email = EmailAddress.normalized(new.email)
        guard EmailAddress.isPlausible(email) else { throw RapportError.invalid("'\(new.email)' is not an email address") }
        let first = new.firstName.trimmingCharacters(in: .whitespaces)
        guard !first.isEmpty else { throw RapportError.invalid("a customer needs a first name") }
        return try pool.write { db in
            if let owner = new.owner, try Self.agent(db, login: owner) == nil {
                throw RapportError.unknownAgent(owner, known: try Self.logins(db))
            }
            if let other = try Self.customer(db, email: email) {
                throw RapportError.addressTaken(email, byCustomer: other.fullName)
            }
            let created = new.created ?? Date()
            try db.execute(sql: """
                INSERT INTO customer (first_name, last_name, owner, created, is_existing) VALUES (?, ?, ?, ?, ?)
                """, arguments: [first, new.lastName.trimmingCharacters(in: .whitespaces), new.owner,
                                 created.timeIntervalSince1970, new.isExisting])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO customer_address (address, customer_id, position) VALUES (?, ?, 0)",
                           arguments: [email, id])
            if let owner = new.owner {
                try Self.logAssignment(db, Assignment(customerID: id, from: nil, to: owner, by: agent ?? owner,
                                                      note: nil, at: created))
            }
            return try Self.customer(db, id: id)!
        }
    }

    public func customer(id: CustomerID) throws -> Customer? {
        try pool.read { db in try Self.customer(db, id: id) }
    }

    public func customer(email: String) throws -> Customer? {
        try pool.read { db in try Self.customer(db, email: EmailAddress.normalized(email)) }
    }

    public func customers(owner: OwnerFilter) throws -> [Customer] {
        try pool.read { db in
            let (clause, args) = Self.ownerClause(owner, column: "owner")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM customer WHERE \(clause) ORDER BY last_name, first_name, id",
                                        arguments: args)
            let addresses = try Self.addressesByCustomer(db)
            return rows.map { Customer(row: $0, addresses: addresses[$0["id"]] ?? []) }
        }
    }

    public func addAddress(_ email: String, to customer: CustomerID) throws {
        let email = EmailAddress.normalized(email)
        guard EmailAddress.isPlausible(email) else { throw RapportError.invalid("'\(email)' is not an email address") }
        try pool.write { db in
            guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
            if let other = try Self.customer(db, email: email) {
                if other.id == customer { return }
                throw RapportError.addressTaken(email, byCustomer: other.fullName)
            }
            let position = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_address WHERE customer_id = ?",
                                            arguments: [customer]) ?? 0
            try db.execute(sql: "INSERT INTO customer_address (address, customer_id, position) VALUES (?, ?, ?)",
                           arguments: [email, customer, position])
        }
    }

    // MARK: - Reading rows

    static func customer(_ db: Database, id: CustomerID) throws -> Customer? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else { return nil }
        let addresses = try String.fetchAll(db, sql: "SELECT address FROM customer_address WHERE customer_id = ? ORDER BY position",
                                            arguments: [id])
        return Customer(row: row, addresses: addresses)
    }

    static func customer(_ db: Database, email: String) throws -> Customer? {
        guard let id = try CustomerID.fetchOne(db, sql: "SELECT customer_id FROM customer_address WHERE address = ?",
                                               arguments: [email]) else { return nil }
        return try customer(db, id: id)
    }

    static func addressesByCustomer(_ db: Database) throws -> [CustomerID: [String]] {
        var result: [CustomerID: [String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT customer_id, address FROM customer_address ORDER BY customer_id, position")
        while let row = try rows.next() {
            result[row[0], default: []].append(row[1])
        }
        return result
    }

    static func logins(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT login FROM agent ORDER BY login")
    }

    /// SQL for an owner filter on `column`.
    static func ownerClause(_ filter: OwnerFilter, column: String) -> (String, StatementArguments) {
        switch filter {
        case .anyone: ("1", [])
        case .unassigned: ("\(column) IS NULL", [])
        case .agent(let login): ("\(column) = ?", [login])
        }
    }
}

extension Customer {
    init(row: Row, addresses: [String]) {
        self.init(id: row["id"], firstName: row["first_name"], lastName: row["last_name"], owner: row["owner"],
                  addresses: addresses, created: Date(timeIntervalSince1970: row["created"]),
                  isExisting: row["is_existing"], referredBy: row["referred_by"], referralSource: row["referral_source"],
                  nameIsGuess: row["name_guessed"] ?? false)
    }
}

extension SQLiteStore {
    public func findCustomers(matching text: String, limit: Int) throws -> [Customer] {
        try pool.read { db in
            try Self.matchingCustomerIDs(db, text, limit: limit).compactMap { try Self.customer(db, id: $0) }
        }
    }

    /// How many customers a search looks at for their conversations: a name typed to find someone
    /// matches a few; a single letter would match most of the book and says nothing.
    static let searchCustomerLimit = 200

    /// The customers whose name or address starts with `:low` (the text lowered), by name; every arm
    /// a range or prefix on an index (a test reads its plan).
    static let customersByPrefixSQL = """
            SELECT id FROM (
                SELECT c.id, c.last_name, c.first_name FROM customer c
                WHERE rapport_lower(c.first_name || ' ' || c.last_name) >= :low
                  AND rapport_lower(c.first_name || ' ' || c.last_name) < :low || char(1114111)
                UNION
                SELECT c.id, c.last_name, c.first_name FROM customer c
                WHERE rapport_lower(c.last_name) >= :low AND rapport_lower(c.last_name) < :low || char(1114111)
                UNION
                SELECT c.id, c.last_name, c.first_name FROM customer_address a JOIN customer c ON c.id = a.customer_id
                WHERE a.address LIKE :prefix ESCAPE '\\'
            ) ORDER BY last_name, first_name, id LIMIT :limit
            """

    /// Customers whose first name, last name, full name or an address starts with `text` (case aside),
    /// by name.
    static func matchingCustomerIDs(_ db: Database, _ text: String, limit: Int) throws -> [CustomerID] {
        let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return [] }
        // Names: a range on the lowered name's index (v26), from the text to the text followed by the
        // last code point (char(1114111)); `rapport_lower` lowers as `lowercased()` lowered the text. A first name that
        // starts with the text starts the full name. Addresses: LIKE with escaped wildcards, on the
        // NOCASE address index.
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try CustomerID.fetchAll(db.cachedStatement(sql: customersByPrefixSQL),
                                       arguments: ["low": needle, "prefix": escaped + "%", "limit": max(1, limit)])
    }
}
