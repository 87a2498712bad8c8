import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// Inside the write transaction (`BEGIN IMMEDIATE`): reads the customer, runs `check` on them, then
    /// `UPDATE customer SET owner = :new WHERE id = :customer` and the log entry and drafts.
    public func changeOwner(customer: CustomerID, to owner: String?, by agent: String, note: String?, at: Date,
                            checking check: (Customer) throws -> Void) throws -> Assignment {
        try pool.write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            try check(current)
            return try Self.changeOwner(db, current, to: owner, by: agent, note: note, at: at)
        }
    }

    public func assignments(customer: CustomerID) throws -> [Assignment] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assignment WHERE customer_id = ? ORDER BY id", arguments: [customer])
                .map(Assignment.init(row:))
        }
    }

    /// What follows an owner change, in the caller's transaction: the log entry, and the drafts Rapport
    /// prepared for this customer move from the old owner to the new one.
    static func recordOwnerChange(_ db: Database, customer: CustomerID, from: String?, to owner: String?, by agent: String,
                                  note: String?, at: Date) throws -> Assignment {
        let entry = Assignment(customerID: customer, from: from, to: owner, by: agent, note: note, at: at)
        try logAssignment(db, entry)
        try db.execute(sql: """
            UPDATE OR IGNORE draft SET agent = ?
            WHERE prepared = 1 AND agent = ? AND conversation_id IN (SELECT id FROM conversation WHERE customer_id = ?)
            """, arguments: [owner ?? "", from ?? "", customer])
        return entry
    }

    /// Sets the owner column and records the change, in the caller's transaction (a customer import).
    static func changeOwner(_ db: Database, _ current: Customer, to owner: String?, by agent: String,
                            note: String?, at: Date) throws -> Assignment {
        try db.execute(sql: "UPDATE customer SET owner = ? WHERE id = ?", arguments: [owner, current.id])
        return try recordOwnerChange(db, customer: current.id, from: current.owner, to: owner, by: agent, note: note, at: at)
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
