import Foundation
import RapportCore

extension PostgresStore {
    @discardableResult
    public func addCustomer(_ new: NewCustomer, by agent: String?) throws -> Customer {
        let email = EmailAddress.normalized(new.email)
        guard EmailAddress.isPlausible(email) else { throw RapportError.invalid("'\(new.email)' is not an email address") }
        let first = new.firstName.trimmingCharacters(in: .whitespaces)
        guard !first.isEmpty else { throw RapportError.invalid("a customer needs a first name") }
        return try write { db in
            if let owner = new.owner, try Self.agent(db, login: owner) == nil {
                throw RapportError.unknownAgent(owner, known: try Self.logins(db))
            }
            if let other = try Self.customer(db, email: email) {
                throw RapportError.addressTaken(email, byCustomer: other.fullName)
            }
            let created = new.created ?? Date()
            let id = try Self.insertCustomer(db, address: email, first: first,
                                             last: new.lastName.trimmingCharacters(in: .whitespaces), owner: new.owner,
                                             isExisting: new.isExisting, at: created.timeIntervalSince1970)
            if let owner = new.owner {
                try Self.logAssignment(db, Assignment(customerID: id, from: nil, to: owner, by: agent ?? owner,
                                                      note: nil, at: created))
            }
            return try Self.customer(db, id: id)!
        }
    }

    public func customer(id: CustomerID) throws -> Customer? {
        try readStatement { db in try Self.customer(db, id: id) }
    }

    public func customer(email: String) throws -> Customer? {
        try read { db in try Self.customer(db, email: EmailAddress.normalized(email)) }
    }

    public func customers(owner: OwnerFilter) throws -> [Customer] {
        try read { db in
            let (clause, args) = Self.ownerClause(owner, column: "owner", parameter: 1)
            let rows = try db.rows("SELECT * FROM customer WHERE \(clause) ORDER BY last_name, first_name, id", args)
            let addresses = try Self.addressesByCustomer(db)
            return rows.map { Customer(row: $0, addresses: addresses[$0["id"]] ?? []) }
        }
    }

    public func addAddress(_ email: String, to customer: CustomerID) throws {
        let email = EmailAddress.normalized(email)
        guard EmailAddress.isPlausible(email) else { throw RapportError.invalid("'\(email)' is not an email address") }
        try write { db in
            guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
            if let other = try Self.customer(db, email: email) {
                if other.id == customer { return }
                throw RapportError.addressTaken(email, byCustomer: other.fullName)
            }
            let position = try db.value("SELECT count(*) FROM customer_address WHERE customer_id = $1", [customer], as: Int.self) ?? 0
            try db.execute("INSERT INTO customer_address (address, customer_id, position) VALUES ($1, $2, $3)",
                           [email, customer, position])
        }
    }

    public func findCustomers(matching text: String, limit: Int) throws -> [Customer] {
        try read { db in
            try Self.matchingCustomerIDs(db, text, limit: limit).compactMap { try Self.customer(db, id: $0) }
        }
    }

    /// How many customers a search looks at for their conversations: a name typed to find someone
    /// matches a few; a single letter would match most of the book and says nothing.
    static let searchCustomerLimit = 200

    /// Customers whose first name, last name, full name or an address starts with `text` (case aside),
    /// by name.
    static func matchingCustomerIDs(_ db: PostgresSession, _ text: String, limit: Int) throws -> [CustomerID] {
        let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return [] }
        // LIKE with escaped wildcards: what the person typed is matched literally.
        let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try db.rows("""
            SELECT id FROM (
                SELECT c.id, c.last_name, c.first_name FROM customer c
                WHERE lower(c.first_name) LIKE $1 OR lower(c.last_name) LIKE $1
                   OR lower(c.first_name || ' ' || c.last_name) LIKE $1
                UNION
                SELECT c.id, c.last_name, c.first_name FROM customer_address a JOIN customer c ON c.id = a.customer_id
                WHERE lower(a.address) LIKE $1
            ) found ORDER BY last_name, first_name, id LIMIT $2
            """, [escaped + "%", max(1, limit)]).map { $0[0] }
    }

    // MARK: - Reading and writing rows

    /// A customer row and their first address, in the caller's transaction; returns the new id.
    static func insertCustomer(_ db: PostgresSession, address: String, first: String, last: String, owner: String?,
                               isExisting: Bool, guessed: Bool = false, at: Double) throws -> CustomerID {
        let id: CustomerID = try db.value("""
            INSERT INTO customer (first_name, last_name, owner, created, is_existing, name_guessed)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """, [first, last, owner, at, isExisting, guessed])!
        try db.execute("INSERT INTO customer_address (address, customer_id, position) VALUES ($1, $2, 0)", [address, id])
        return id
    }

    static func customer(_ db: PostgresSession, id: CustomerID) throws -> Customer? {
        try db.row("SELECT \(customerColumns) FROM customer c WHERE c.id = $1", [id]).map(Customer.init(rowWithAddresses:))
    }

    /// A customer's columns and, as `addresses`, their addresses in order: a customer in one statement.
    static let customerColumns = """
        c.*, ARRAY(SELECT a.address FROM customer_address a WHERE a.customer_id = c.id ORDER BY a.position) AS addresses
        """

    static func customer(_ db: PostgresSession, email: String) throws -> Customer? {
        guard let id = try customerID(db, address: email) else { return nil }
        return try customer(db, id: id)
    }

    /// The customer an address belongs to, whatever its case (SQLite's COLLATE NOCASE).
    static func customerID(_ db: PostgresSession, address: String) throws -> CustomerID? {
        try db.value("SELECT customer_id FROM customer_address WHERE lower(address) = lower($1)", [address])
    }

    static func addressesByCustomer(_ db: PostgresSession) throws -> [CustomerID: [String]] {
        var result: [CustomerID: [String]] = [:]
        for row in try db.rows("SELECT customer_id, address FROM customer_address ORDER BY customer_id, position") {
            result[row[0], default: []].append(row[1])
        }
        return result
    }

    /// SQL for an owner filter on `column`, its parameter (if any) numbered `parameter`.
    static func ownerClause(_ filter: OwnerFilter, column: String, parameter: Int) -> (String, [SQLArgument]) {
        switch filter {
        case .anyone: ("true", [])
        case .unassigned: ("\(column) IS NULL", [])
        case .agent(let login): ("\(column) = $\(parameter)", [login])
        }
    }

    static func name(_ first: String, _ last: String?) -> String {
        PersonName.full(first: first, last: last ?? "")
    }
}

extension Customer {
    init(row: SQLRow, addresses: [String]) {
        self.init(id: row["id"], firstName: row["first_name"], lastName: row["last_name"], owner: row["owner"],
                  addresses: addresses, created: row.date("created"),
                  isExisting: row["is_existing"], referredBy: row["referred_by"], referralSource: row["referral_source"],
                  nameIsGuess: row["name_guessed"])
    }

    /// A row read with `PostgresStore.customerColumns`.
    init(rowWithAddresses row: SQLRow) {
        self.init(row: row, addresses: row["addresses"])
    }
}
