import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func assign(customer: CustomerID, to owner: String?, by agent: String, note: String?) throws -> Assignment {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try pool.write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            if let owner, try Self.agent(db, login: owner) == nil {
                throw RapportError.unknownAgent(owner, known: try Self.logins(db))
            }
            guard try Self.agent(db, login: agent) != nil else {
                throw RapportError.unknownAgent(agent, known: try Self.logins(db))
            }
            try OwnershipRule.check(customer: current.fullName, currentOwner: current.owner,
                                                 newOwner: owner, note: note)
            try db.execute(sql: "UPDATE customer SET owner = ? WHERE id = ?", arguments: [owner, customer])
            let entry = Assignment(customerID: customer, from: current.owner, to: owner, by: agent,
                                   note: (note?.isEmpty ?? true) ? nil : note, at: Date())
            try Self.logAssignment(db, entry)
            return entry
        }
    }

    public func assignments(customer: CustomerID) throws -> [Assignment] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assignment WHERE customer_id = ? ORDER BY id", arguments: [customer])
                .map(Assignment.init(row:))
        }
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
