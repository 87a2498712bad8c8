import Foundation
import RapportCore

extension PostgresStore {
    /// Behind the write lock: reads the customer, runs `check` on them, then
    /// `UPDATE customer SET owner = $new WHERE id = $customer` and the log entry and drafts.
    public func changeOwner(customer: CustomerID, to owner: String?, by agent: String, note: String?, at: Date,
                            checking check: (Customer) throws -> Void) throws -> Assignment {
        try write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            try check(current)
            return try Self.changeOwner(db, current, to: owner, by: agent, note: note, at: at)
        }
    }

    public func assignments(customer: CustomerID) throws -> [Assignment] {
        try read { db in
            try db.rows("SELECT * FROM assignment WHERE customer_id = $1 ORDER BY id", [customer]).map(Assignment.init(row:))
        }
    }

    /// What follows an owner change, in the caller's transaction: the log entry, and the drafts Rapport
    /// prepared for this customer move from the old owner to the new one (unless the new owner already
    /// has a draft there: SQLite's UPDATE OR IGNORE).
    static func recordOwnerChange(_ db: PostgresSession, customer: CustomerID, from: String?, to owner: String?, by agent: String,
                                  note: String?, at: Date) throws -> Assignment {
        let entry = Assignment(customerID: customer, from: from, to: owner, by: agent, note: note, at: at)
        try logAssignment(db, entry)
        try db.execute("""
            UPDATE draft d SET agent = $1
            WHERE d.prepared AND d.agent = $2 AND d.conversation_id IN (SELECT id FROM conversation WHERE customer_id = $3)
              AND NOT EXISTS (SELECT 1 FROM draft o WHERE o.conversation_id = d.conversation_id AND o.agent = $1)
            """, [owner ?? "", from ?? "", customer])
        return entry
    }

    /// Sets the owner column and records the change, in the caller's transaction (a customer import).
    static func changeOwner(_ db: PostgresSession, _ current: Customer, to owner: String?, by agent: String,
                            note: String?, at: Date) throws -> Assignment {
        try db.execute("UPDATE customer SET owner = $1 WHERE id = $2", [owner, current.id])
        return try recordOwnerChange(db, customer: current.id, from: current.owner, to: owner, by: agent, note: note, at: at)
    }

    static func logAssignment(_ db: PostgresSession, _ a: Assignment) throws {
        try db.execute("""
            INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at) VALUES ($1, $2, $3, $4, $5, $6)
            """, [a.customerID, a.from, a.to, a.by, a.note, a.at.timeIntervalSince1970])
    }
}

extension Assignment {
    init(row: SQLRow) {
        self.init(customerID: row["customer_id"], from: row["from_owner"], to: row["to_owner"], by: row["by_agent"],
                  note: row["note"], at: row.date("at"))
    }
}
