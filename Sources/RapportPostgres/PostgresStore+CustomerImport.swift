import Foundation
import RapportCore

extension PostgresStore {
    public func importConflicts(in rows: [CustomerImport.Row]) throws -> [ImportConflict] {
        try read { db in
            var problems: [ImportConflict] = []
            for row in rows {
                let matches = try Self.matchingCustomers(db, row)
                if matches.count > 1 {
                    problems.append(ImportConflict(problem: ImportProblem(
                        line: row.line,
                        message: "its addresses belong to different customers: " + matches.map(\.fullName).joined(separator: ", ")),
                        isOwnerChange: false))
                } else if let existing = matches.first, let owner = existing.owner, owner != row.owner {
                    problems.append(ImportConflict(problem: ImportProblem(
                        line: row.line,
                        message: "\(existing.fullName) is looked after by \(owner); the file says \(row.owner ?? "nobody") "
                            + "(use --reassign to change owners; it is logged with the note \"import\")"),
                        isOwnerChange: true))
                }
            }
            return problems
        }
    }

    public func importCustomers(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult {
        try write { db in
            var result = CustomerImportResult(added: 0, updated: 0, reassigned: 0)
            let now = Date()
            for row in rows {
                let matches = try Self.matchingCustomers(db, row)
                guard matches.count <= 1 else {
                    throw RapportError.invalid("line \(row.line): its addresses belong to different customers")
                }
                if let existing = matches.first {
                    try db.execute("UPDATE customer SET first_name = $1, last_name = $2, name_guessed = false, is_existing = is_existing OR $3 WHERE id = $4",
                                   [row.firstName, row.lastName, row.isExisting, existing.id])
                    var position = existing.addresses.count
                    for email in row.emails where !existing.addresses.contains(email) {
                        try db.execute("INSERT INTO customer_address (address, customer_id, position) VALUES ($1, $2, $3)",
                                       [email, existing.id, position])
                        position += 1
                    }
                    if existing.owner != row.owner, row.owner != nil || existing.owner != nil {
                        if existing.owner == nil {
                            // Giving an unassigned customer an owner is no silent change of person.
                            _ = try Self.changeOwner(db, existing, to: row.owner, by: agent, note: nil, at: now)
                            result.reassigned += 1
                        } else if reassign {
                            _ = try Self.changeOwner(db, existing, to: row.owner, by: agent, note: "import", at: now)
                            result.reassigned += 1
                        } else {
                            throw RapportError.invalid("line \(row.line): owner change needs --reassign")
                        }
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
