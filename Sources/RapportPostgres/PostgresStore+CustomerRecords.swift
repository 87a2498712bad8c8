import Foundation
import RapportCore

extension PostgresStore {
    public func renameCustomer(_ id: CustomerID, firstName: String, lastName: String) throws {
        try write { db in
            let changed = try db.execute("UPDATE customer SET first_name = $1, last_name = $2, name_guessed = false WHERE id = $3",
                                         [firstName, lastName, id]).changes
            if changed == 0 { throw RapportError.unknownCustomer("#\(id)") }
        }
    }

    public func removeAddress(_ email: String, from customer: CustomerID) throws {
        let email = EmailAddress.normalized(email)
        try write { db in
            guard let current = try Self.customer(db, id: customer) else { throw RapportError.unknownCustomer("#\(customer)") }
            guard current.addresses.contains(where: { $0.caseInsensitiveCompare(email) == .orderedSame }) else {
                throw RapportError.invalid("\(email) is not an address of \(current.fullName)")
            }
            // A customer without an address could never be found or written to again.
            guard current.addresses.count > 1 else {
                throw RapportError.invalid("\(email) is \(current.fullName)'s only address; add another one first")
            }
            try db.execute("DELETE FROM customer_address WHERE lower(address) = lower($1) AND customer_id = $2", [email, customer])
            try Self.renumberAddresses(db, customer: customer)
        }
    }

    /// Positions 0, 1, 2… in their present order.
    static func renumberAddresses(_ db: PostgresSession, customer: CustomerID) throws {
        try db.execute("""
            UPDATE customer_address a SET position = r.n
            FROM (SELECT address, row_number() OVER (ORDER BY position, address) - 1 AS n
                  FROM customer_address WHERE customer_id = $1) r
            WHERE a.address = r.address AND a.position IS DISTINCT FROM r.n
            """, [customer])
    }

    public func mergeCustomers(_ plan: CustomerMerge.Plan) throws -> Assignment? {
        try write { db in
            guard let from = try Self.customer(db, id: plan.from) else { throw RapportError.unknownCustomer("#\(plan.from)") }
            guard let into = try Self.customer(db, id: plan.into) else { throw RapportError.unknownCustomer("#\(plan.into)") }
            guard from.owner == plan.expectedFromOwner, into.owner == plan.expectedIntoOwner else { return nil }
            let (f, i) = (plan.from, plan.into)
            try db.execute("UPDATE customer_address SET customer_id = $1, position = position + 1000000 WHERE customer_id = $2", [i, f])
            try Self.renumberAddresses(db, customer: i)
            // Drafts Rapport prepared for the record's owner go to the owner who stays, as in a takeover
            // (one the staying owner already has in that conversation is kept, as SQLite's OR IGNORE).
            try db.execute("""
                UPDATE draft d SET agent = $1
                WHERE prepared AND agent = $2 AND conversation_id IN (SELECT id FROM conversation WHERE customer_id = $3)
                  AND NOT EXISTS (SELECT 1 FROM draft o WHERE o.conversation_id = d.conversation_id AND o.agent = $1)
                """, [into.owner ?? "", from.owner ?? "", f])
            try db.execute("UPDATE conversation SET customer_id = $1 WHERE customer_id = $2", [i, f])
            try db.execute("UPDATE assignment SET customer_id = $1 WHERE customer_id = $2", [i, f])
            // One event per kind and date: the one `into` has wins; its conversations moved above.
            try db.execute("""
                UPDATE headsup_event e SET customer_id = $1 WHERE customer_id = $2
                  AND NOT EXISTS (SELECT 1 FROM headsup_event o WHERE o.customer_id = $1 AND o.kind = e.kind
                                  AND o.effective_date = e.effective_date)
                """, [i, f])
            try db.execute("DELETE FROM headsup_event WHERE customer_id = $1", [f])
            try db.execute("UPDATE customer SET referred_by = $1 WHERE referred_by = $2 AND id != $1", [i, f])
            if plan.takeReferralOfFrom {
                try db.execute("""
                    UPDATE customer SET (referred_by, referral_source, referral_coupon, referral_recorded, referral_thanked,
                                         referral_thanks_conversation) =
                        (SELECT CASE WHEN referred_by IN ($1, $2) THEN NULL ELSE referred_by END, referral_source,
                                referral_coupon, referral_recorded, referral_thanked, referral_thanks_conversation
                         FROM customer WHERE id = $1)
                    WHERE id = $2
                    """, [f, i])
            }
            // Who referred whom between the two records is no referral once they are one person.
            try db.execute("UPDATE customer SET referred_by = NULL WHERE id = $1 AND referred_by IN ($2, $1)", [i, f])
            try db.execute("UPDATE customer SET first_name = $1, last_name = $2, name_guessed = $3, is_existing = $4 WHERE id = $5",
                           [plan.firstName, plan.lastName, plan.nameIsGuess, plan.isExisting, i])
            try db.execute("DELETE FROM customer WHERE id = $1", [f])
            try Self.logAssignment(db, plan.log)
            return plan.log
        }
    }

    public func customerConversations(_ id: CustomerID, agent: String) throws -> [CustomerConversation] {
        try read { db in
            try db.rows("""
                \(Self.summaryColumns),
                (SELECT m.direction || ':' || COALESCE(m.author, '') FROM message m
                 WHERE m.conversation_id = c.id AND m.direction != 'note' ORDER BY m.date DESC, m.id DESC LIMIT 1) AS last_writer
                FROM conversation c JOIN customer cu ON cu.id = c.customer_id LEFT JOIN agent a ON a.login = cu.owner
                WHERE c.customer_id = $2 ORDER BY c.last_activity DESC, c.id DESC
                """, [agent, id]).map { row in
                CustomerConversation(summary: ConversationSummary(row: row),
                                     lastWriter: CustomerConversation.LastWriter(tagged: row["last_writer"]))
            }
        }
    }

    public func countConversations(_ query: ConversationQuery, agent: String, cap: Int) throws -> Int {
        try read { db in
            guard let list = try Self.listQuery(db, query, from: nil, direction: .after, limit: cap, agent: agent) else { return 0 }
            return try db.value("SELECT count(*) FROM (\(list.sql)) page", list.arguments, as: Int.self) ?? 0
        }
    }

    public func customers(named fullName: String, limit: Int) throws -> [Customer] {
        try readStatement { db in
            // The expression of the `customer_full_name` index (v16), so that the index is used.
            try db.rows("""
                SELECT \(Self.customerColumns) FROM customer c
                WHERE lower(trim(c.first_name || ' ' || c.last_name)) = lower($1) ORDER BY c.id LIMIT $2
                """, [fullName, max(1, limit)]).map(Customer.init(rowWithAddresses:))
        }
    }
}

extension CustomerConversation.LastWriter {
    /// From `direction:author` as the query above writes it (nil when nobody wrote).
    init(tagged: String?) {
        let parts = tagged?.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        self = switch parts {
        case nil: .nobody
        case let parts? where parts.first == "inbound": .customer
        case let parts?: .agent(parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil)
        }
    }
}
