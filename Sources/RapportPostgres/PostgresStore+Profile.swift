import Foundation
import RapportCore

extension PostgresStore {
    public func customerProfile(id: CustomerID, now: Date) throws -> CustomerProfile? {
        try read { db in
            guard let customer = try Self.customer(db, id: id) else { return nil }
            let owner = try customer.owner.flatMap { try Self.agent(db, login: $0) }
            let figures = try Self.relationshipFigures(db, customer: customer, now: now)
            let referredBy = try customer.referredBy.flatMap { try Self.customer(db, id: $0) }
            let referrals = try db.rows("""
                SELECT id, first_name, last_name, referral_recorded, referral_thanked, referral_coupon
                FROM customer WHERE referred_by = $1 ORDER BY referral_recorded, id
                """, [id]).map { row in
                Referral(referrerID: id, referredID: row["id"],
                         referredName: [row["first_name"], row["last_name"]].compactMap { $0 as String? }
                            .filter { !$0.isEmpty }.joined(separator: " "),
                         recorded: Date(timeIntervalSince1970: (row["referral_recorded"] as Double?) ?? 0),
                         thanked: (row["referral_thanked"] as Double?) != nil, coupon: row["referral_coupon"])
            }
            let lastHandoff = try db.row("""
                SELECT * FROM assignment WHERE customer_id = $1 AND note IS NOT NULL ORDER BY id DESC LIMIT 1
                """, [id]).map(Assignment.init(row:))
            let events = try db.rows("""
                SELECT * FROM headsup_event WHERE customer_id = $1 AND effective_date >= $2 ORDER BY effective_date
                """, [id, now.addingTimeInterval(-86_400).timeIntervalSince1970]).map(HeadsUpEvent.init(row:))
            return CustomerProfile(customer: customer, owner: owner, lastContact: figures.lastContact,
                                   lastWrittenTo: figures.lastWritten, referredBy: referredBy, referrals: referrals,
                                   lastHandoff: lastHandoff, upcomingEvents: events, health: figures.health)
        }
    }

    /// When we last heard from or wrote to the customer, and the "same person" figures (who wrote our
    /// messages, how often the owner changed, how long since we wrote): one statement, one round trip.
    static func relationshipFigures(_ db: PostgresSession, customer: Customer, now: Date)
        throws -> (lastContact: Date?, lastWritten: Date?, health: RelationshipHealth) {
        let yearAgo = RelationshipHealth.yearBefore(now).timeIntervalSince1970
        // The first assignment of an unassigned customer is not a change of person, nor is a merge of
        // two records with the same owner (logged from and to that owner).
        let row = try db.row("""
            SELECT max(m.date) FILTER (WHERE m.direction != 'note') AS last_contact,
                   max(m.date) FILTER (WHERE m.direction = 'outbound' AND m.author IS NOT NULL) AS last_written,
                   count(*) FILTER (WHERE m.direction = 'outbound' AND m.author IS NOT NULL) AS ours,
                   count(*) FILTER (WHERE m.direction = 'outbound' AND m.author = $1) AS by_owner,
                   (SELECT count(*) FROM assignment WHERE customer_id = $2 AND at >= $3 AND from_owner IS NOT NULL
                      AND from_owner IS DISTINCT FROM to_owner) AS owner_changes
            FROM message m JOIN conversation c ON c.id = m.conversation_id
            WHERE c.customer_id = $2
            """, [customer.owner, customer.id, yearAgo])!
        let lastWritten = row.dateIfAny("last_written")
        let health = RelationshipHealth(ourMessages: row["ours"], byOwner: row["by_owner"], ownerChangesLastYear: row["owner_changes"],
                                        lastWritten: lastWritten, now: now)
        return (row.dateIfAny("last_contact"), lastWritten, health)
    }
}

extension HeadsUpEvent {
    init(row: SQLRow) {
        self.init(customerID: row["customer_id"], kind: row["kind"], effectiveDate: row.date("effective_date"),
                  details: row["details"], due: row.date("due"), told: (row["told"] as Double?) != nil)
    }
}
