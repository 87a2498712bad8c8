import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func customerProfile(id: CustomerID, now: Date) throws -> CustomerProfile? {
        try pool.read { db in
            guard let customer = try Self.customer(db, id: id) else { return nil }
            let owner = try customer.owner.flatMap { try Self.agent(db, login: $0) }
            let contact = try Row.fetchOne(db, sql: """
                SELECT max(m.date) AS last_contact,
                       max(CASE WHEN m.direction = 'outbound' AND m.author IS NOT NULL THEN m.date END) AS last_written
                FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.customer_id = ? AND m.direction != 'note'
                """, arguments: [id])
            let referredBy = try customer.referredBy.flatMap { try Self.customer(db, id: $0) }
            let referrals = try Row.fetchAll(db, sql: """
                SELECT id, first_name, last_name, referral_recorded, referral_thanked, referral_coupon
                FROM customer WHERE referred_by = ? ORDER BY referral_recorded, id
                """, arguments: [id]).map { row in
                Referral(referrerID: id, referredID: row["id"],
                         referredName: [row["first_name"], row["last_name"]].compactMap { $0 as String? }
                            .filter { !$0.isEmpty }.joined(separator: " "),
                         recorded: Date(timeIntervalSince1970: (row["referral_recorded"] as Double?) ?? 0),
                         thanked: (row["referral_thanked"] as Double?) != nil, coupon: row["referral_coupon"])
            }
            let lastHandoff = try Row.fetchOne(db, sql: """
                SELECT * FROM assignment WHERE customer_id = ? AND note IS NOT NULL ORDER BY id DESC LIMIT 1
                """, arguments: [id]).map(Assignment.init(row:))
            let events = try Row.fetchAll(db, sql: """
                SELECT * FROM headsup_event WHERE customer_id = ? AND effective_date >= ? ORDER BY effective_date
                """, arguments: [id, now.addingTimeInterval(-86_400).timeIntervalSince1970]).map(HeadsUpEvent.init(row:))
            let lastWritten = (contact?["last_written"] as Double?).map(Date.init(timeIntervalSince1970:))
            return CustomerProfile(customer: customer, owner: owner,
                                   lastContact: (contact?["last_contact"] as Double?).map(Date.init(timeIntervalSince1970:)),
                                   lastWrittenTo: lastWritten, referredBy: referredBy, referrals: referrals,
                                   lastHandoff: lastHandoff, upcomingEvents: events,
                                   health: try Self.health(db, customer: customer, lastWritten: lastWritten, now: now))
        }
    }

    /// "Same person" figures: who wrote our messages, how often the owner changed, how long since we wrote.
    static func health(_ db: Database, customer: Customer, lastWritten: Date?, now: Date) throws -> RelationshipHealth {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS total, sum(CASE WHEN m.author = ? THEN 1 ELSE 0 END) AS by_owner
            FROM message m JOIN conversation c ON c.id = m.conversation_id
            WHERE c.customer_id = ? AND m.direction = 'outbound' AND m.author IS NOT NULL
            """, arguments: [customer.owner, customer.id])
        let total: Int = row?["total"] ?? 0
        let byOwner: Int = row?["by_owner"] ?? 0
        let yearAgo = RelationshipHealth.yearBefore(now).timeIntervalSince1970
        // The first assignment of an unassigned customer is not a change of person, nor is a merge of
        // two records with the same owner (logged from and to that owner).
        let changes = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM assignment WHERE customer_id = ? AND at >= ? AND from_owner IS NOT NULL
              AND from_owner IS NOT to_owner
            """, arguments: [customer.id, yearAgo]) ?? 0
        return RelationshipHealth(ourMessages: total, byOwner: byOwner, ownerChangesLastYear: changes,
                                  lastWritten: lastWritten, now: now)
    }
}

extension HeadsUpEvent {
    init(row: Row) {
        self.init(customerID: row["customer_id"], kind: row["kind"],
                  effectiveDate: Date(timeIntervalSince1970: row["effective_date"]), details: row["details"],
                  due: Date(timeIntervalSince1970: row["due"]), told: (row["told"] as Double?) != nil)
    }
}
