import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func importConflicts(in rows: [CustomerImport.Row]) throws -> [ImportConflict] {
        try pool.read { db in
            try rows.compactMap { row in try CustomerImport.conflict(row: row, matches: Self.matchingCustomers(db, row)) }
        }
    }

    public func importCustomers(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult {
        try pool.write { db in
            var result = CustomerImportResult(added: 0, updated: 0, reassigned: 0)
            let now = Date()
            for row in rows {
                if let existing = try CustomerImport.customer(for: row, among: Self.matchingCustomers(db, row)) {
                    try db.execute(sql: "UPDATE customer SET first_name = ?, last_name = ?, name_guessed = 0, is_existing = max(is_existing, ?) WHERE id = ?",
                                   arguments: [row.firstName, row.lastName, row.isExisting, existing.id])
                    var position = existing.addresses.count
                    for email in CustomerImport.newAddresses(of: row, for: existing) {
                        try db.execute(sql: "INSERT INTO customer_address (address, customer_id, position) VALUES (?, ?, ?)",
                                       arguments: [email, existing.id, position])
                        position += 1
                    }
                    if let change = try CustomerImport.ownerChange(of: existing, by: row, reassign: reassign) {
                        _ = try Self.changeOwner(db, existing, to: row.owner, by: agent, note: change.note, at: now)
                        result.reassigned += 1
                    }
                    result.updated += 1
                } else {
                    try db.execute(sql: "INSERT INTO customer (first_name, last_name, owner, created, is_existing) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [row.firstName, row.lastName, row.owner, now.timeIntervalSince1970, row.isExisting])
                    let id = db.lastInsertedRowID
                    for (position, email) in row.emails.enumerated() {
                        try db.execute(sql: "INSERT INTO customer_address (address, customer_id, position) VALUES (?, ?, ?)",
                                       arguments: [email, id, position])
                    }
                    if let owner = row.owner {
                        try Self.logAssignment(db, Assignment(customerID: id, from: nil, to: owner, by: agent, note: "import", at: now))
                    }
                    result.added += 1
                }
            }
            return result
        }
    }

    private static func matchingCustomers(_ db: Database, _ row: CustomerImport.Row) throws -> [Customer] {
        var found: [Customer] = []
        for email in row.emails {
            if let c = try customer(db, email: email), !found.contains(where: { $0.id == c.id }) { found.append(c) }
        }
        return found
    }
}
