import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    @discardableResult
    public func assign(customer: CustomerID, to owner: String?, by agent: String, note: String?) throws -> Assignment {
        try pool.write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            for login in [owner, agent].compactMap({ $0 }) where try Self.agent(db, login: login) == nil {
                throw RapportError.unknownAgent(login, known: try Self.logins(db))
            }
            return try Self.changeOwner(db, current, to: owner, by: agent, note: note)
        }
    }

    public func assignments(customer: CustomerID) throws -> [Assignment] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assignment WHERE customer_id = ? ORDER BY id", arguments: [customer])
                .map(Assignment.init(row:))
        }
    }

    /// The one place an owner changes: checks the rule, sets the column, writes the log, and moves the
    /// drafts Rapport prepared for this customer to the new owner — all in the caller's transaction.
    static func changeOwner(_ db: Database, _ current: Customer, to owner: String?, by agent: String,
                            note: String?) throws -> Assignment {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        try OwnershipRule.check(customer: current.fullName, currentOwner: current.owner, newOwner: owner, note: note)
        try db.execute(sql: "UPDATE customer SET owner = ? WHERE id = ?", arguments: [owner, current.id])
        let entry = Assignment(customerID: current.id, from: current.owner, to: owner, by: agent,
                               note: (note?.isEmpty ?? true) ? nil : note, at: Date())
        try logAssignment(db, entry)
        try db.execute(sql: """
            UPDATE OR IGNORE draft SET agent = ?
            WHERE prepared = 1 AND agent = ? AND conversation_id IN (SELECT id FROM conversation WHERE customer_id = ?)
            """, arguments: [owner ?? "", current.owner ?? "", current.id])
        return entry
    }

    static func logAssignment(_ db: Database, _ a: Assignment) throws {
        try db.execute(sql: """
            INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [a.customerID, a.from, a.to, a.by, a.note, a.at.timeIntervalSince1970])
    }
}

extension Assignment {
    init(row: Row) {
        self.init(customerID: row["customer_id"], from: row["from_owner"], to: row["to_owner"], by: row["by_agent"],
                  note: row["note"], at: Date(timeIntervalSince1970: row["at"]))
    }
}
