import Foundation
import RapportCore

extension PostgresStore {
    public func importConflicts(in rows: [CustomerImport.Row]) throws -> [ImportConflict] {
        try read { db in
            try rows.compactMap { row in try CustomerImport.conflict(row: row, matches: Self.matchingCustomers(db, row)) }
        }
    }

    public func importCustomers(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult {
        try write { db in
            var result = CustomerImportResult(added: 0, updated: 0, reassigned: 0)
            let now = Date()
            for row in rows {
                if let existing = try CustomerImport.customer(for: row, among: Self.matchingCustomers(db, row)) {
                    try db.execute("UPDATE customer SET first_name = $1, last_name = $2, name_guessed = false, is_existing = is_existing OR $3 WHERE id = $4",
                                   [row.firstName, row.lastName, row.isExisting, existing.id])
                    var position = existing.addresses.count
                    for email in CustomerImport.newAddresses(of: row, for: existing) {
                        try db.execute("INSERT INTO customer_address (address, customer_id, position) VALUES ($1, $2, $3)",
                                       [email, existing.id, position])
                        position += 1
                    }
                    if let change = try CustomerImport.ownerChange(of: existing, by: row, reassign: reassign) {
                        _ = try Self.changeOwner(db, existing, to: row.owner, by: agent, note: change.note, at: now)
                        result.reassigned += 1
                    }
                    result.updated += 1
                } else {
                    let id: CustomerID = try db.value("""
                        INSERT INTO customer (first_name, last_name, owner, created, is_existing) VALUES ($1, $2, $3, $4, $5)
                        RETURNING id
                        """, [row.firstName, row.lastName, row.owner, now.timeIntervalSince1970, row.isExisting])!
                    for (position, email) in row.emails.enumerated() {
                        try db.execute("INSERT INTO customer_address (address, customer_id, position) VALUES ($1, $2, $3)",
                                       [email, id, position])
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

    private static func matchingCustomers(_ db: PostgresSession, _ row: CustomerImport.Row) throws -> [Customer] {
        var found: [Customer] = []
        for email in row.emails {
            if let c = try customer(db, email: email), !found.contains(where: { $0.id == c.id }) { found.append(c) }
        }
        return found
    }
}
