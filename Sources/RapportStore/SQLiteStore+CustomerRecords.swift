import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func renameCustomer(_ id: CustomerID, firstName: String, lastName: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE customer SET first_name = ?, last_name = ?, name_guessed = 0 WHERE id = ?",
                           arguments: [firstName, lastName, id])
            if db.changesCount == 0 { throw RapportError.unknownCustomer("#\(id)") }
        }
    }

    public func removeAddress(_ email: String, from customer: CustomerID) throws {
        let email = EmailAddress.normalized(email)
        try pool.write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            guard current.addresses.contains(where: { $0.caseInsensitiveCompare(email) == .orderedSame }) else {
                throw RapportError.invalid("\(email) is not an address of \(current.fullName)")
            }
            // A customer without an address could never be found or written to again.
            guard current.addresses.count > 1 else {
                throw RapportError.invalid("\(email) is \(current.fullName)'s only address; add another one first")
            }
            try db.execute(sql: "DELETE FROM customer_address WHERE address = ? AND customer_id = ?", arguments: [email, customer])
            try Self.renumberAddresses(db, customer: customer)
        }
    }

    /// Positions 0, 1, 2… in their present order.
    static func renumberAddresses(_ db: Database, customer: CustomerID) throws {
        try db.execute(sql: """
            UPDATE customer_address SET position = (
                SELECT count(*) FROM customer_address o WHERE o.customer_id = customer_address.customer_id
                  AND (o.position < customer_address.position
                       OR (o.position = customer_address.position AND o.address < customer_address.address)))
            WHERE customer_id = ?
            """, arguments: [customer])
    }

    public func mergeCustomers(_ plan: CustomerMerge.Plan) throws -> Assignment? {
        try pool.write { db in
            guard let from = try Self.customer(db, id: plan.from) else { throw RapportError.unknownCustomer("#\(plan.from)") }
            guard let into = try Self.customer(db, id: plan.into) else { throw RapportError.unknownCustomer("#\(plan.into)") }
            guard from.owner == plan.expectedFromOwner, into.owner == plan.expectedIntoOwner else { return nil }
            let (f, i) = (plan.from, plan.into)
            try db.execute(sql: """
                UPDATE customer_address SET customer_id = :into, position = position + 1000000 WHERE customer_id = :from
                """, arguments: ["into": i, "from": f])
            try Self.renumberAddresses(db, customer: i)
            // Drafts Rapport prepared for the record's owner go to the owner who stays, as in a takeover.
            try db.execute(sql: """
                UPDATE OR IGNORE draft SET agent = ?
                WHERE prepared = 1 AND agent = ? AND conversation_id IN (SELECT id FROM conversation WHERE customer_id = ?)
                """, arguments: [into.owner ?? "", from.owner ?? "", f])
            try db.execute(sql: "UPDATE conversation SET customer_id = ? WHERE customer_id = ?", arguments: [i, f])
            try db.execute(sql: "UPDATE assignment SET customer_id = ? WHERE customer_id = ?", arguments: [i, f])
            // One event per kind and date: the one `into` has wins; its conversations moved above.
            try db.execute(sql: "UPDATE OR IGNORE headsup_event SET customer_id = ? WHERE customer_id = ?", arguments: [i, f])
            try db.execute(sql: "DELETE FROM headsup_event WHERE customer_id = ?", arguments: [f])
            try db.execute(sql: "UPDATE customer SET referred_by = ? WHERE referred_by = ? AND id != ?", arguments: [i, f, i])
            if plan.takeReferralOfFrom {
                try db.execute(sql: """
                    UPDATE customer SET (referred_by, referral_source, referral_coupon, referral_recorded, referral_thanked,
                                         referral_thanks_conversation) =
                        (SELECT CASE WHEN referred_by IN (:from, :into) THEN NULL ELSE referred_by END, referral_source,
                                referral_coupon, referral_recorded, referral_thanked, referral_thanks_conversation
                         FROM customer WHERE id = :from)
                    WHERE id = :into
                    """, arguments: ["from": f, "into": i])
            }
            // Who referred whom between the two records is no referral once they are one person.
            try db.execute(sql: "UPDATE customer SET referred_by = NULL WHERE id = ? AND referred_by IN (?, ?)",
                           arguments: [i, f, i])
            try db.execute(sql: "UPDATE customer SET first_name = ?, last_name = ?, name_guessed = ?, is_existing = ? WHERE id = ?",
                           arguments: [plan.firstName, plan.lastName, plan.nameIsGuess, plan.isExisting, i])
            try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [f])
            try Self.logAssignment(db, plan.log)
            return plan.log
        }
    }

    public func customerConversations(_ id: CustomerID, agent: String) throws -> [CustomerConversation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                \(Self.summaryColumns),
                (SELECT m.direction || ':' || COALESCE(m.author, '') FROM message m
                 WHERE m.conversation_id = c.id AND m.direction != 'note' ORDER BY m.date DESC, m.id DESC LIMIT 1) AS last_writer
                FROM conversation c JOIN customer cu ON cu.id = c.customer_id LEFT JOIN agent a ON a.login = cu.owner
                WHERE c.customer_id = :customer ORDER BY c.last_activity DESC, c.id DESC
                """, arguments: ["agent": agent, "customer": id]).map { row in
                let writer: CustomerConversation.LastWriter = switch (row["last_writer"] as String?)?.split(separator: ":", maxSplits: 1,
                                                                                                         omittingEmptySubsequences: false) {
                case nil: .nobody
                case let parts? where parts.first == "inbound": .customer
                case let parts?: .agent(parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
                }
                return CustomerConversation(summary: ConversationSummary(row: row), lastWriter: writer)
            }
        }
    }

    public func countConversations(_ query: ConversationQuery, agent: String, cap: Int) throws -> Int {
        try pool.read { db in
            try Self.listQuery(db, query, from: nil, direction: .after, limit: cap, agent: agent)?.count(db) ?? 0
        }
    }

    public func customers(named fullName: String, limit: Int) throws -> [Customer] {
        try pool.read { db in
            // The expression of the `customer_full_name` index (v16), so that the index is used.
            try CustomerID.fetchAll(db, sql: """
                SELECT id FROM customer WHERE lower(trim(first_name || ' ' || last_name)) = lower(?) ORDER BY id LIMIT ?
                """, arguments: [fullName, max(1, limit)]).compactMap { try Self.customer(db, id: $0) }
        }
    }
}
