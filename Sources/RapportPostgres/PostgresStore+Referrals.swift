import Foundation
import RapportCore

extension PostgresStore {
    public func recordReferral(customer: CustomerID, referrer: CustomerID?, source: String?, coupon: String?,
                               thankYou: PreparedMessage?, at: Date) throws {
        try write { db in
            guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
            var thanksConversation: ConversationID?
            if let referrer {
                guard let referrerCustomer = try Self.customer(db, id: referrer) else {
                    throw RapportError.unknownCustomer("#\(referrer)")
                }
                if let thankYou {
                    let conversation = try Self.startConversation(db, customer: referrer, subject: thankYou.subject, at: at)
                    try Self.savePreparedDraft(db, conversation: conversation.id, owner: referrerCustomer.owner,
                                               text: thankYou.text, due: nil, at: at)
                    thanksConversation = conversation.id
                }
            }
            try db.execute("""
                UPDATE customer SET referred_by = $1, referral_source = $2, referral_coupon = $3, referral_recorded = $4,
                    referral_thanks_conversation = $5, referral_thanked = NULL
                WHERE id = $6
                """, [referrer, source, coupon, at.timeIntervalSince1970, thanksConversation, customer])
        }
    }

    public func referrals(unthankedOnly: Bool) throws -> [ReferralRecord] {
        try read { db in
            let filter = unthankedOnly ? "AND c.referred_by IS NOT NULL AND c.referral_thanked IS NULL" : ""
            return try db.rows("""
                SELECT c.first_name, c.last_name, c.referral_source, c.referral_coupon, c.referral_recorded,
                       c.referral_thanked, r.first_name AS r_first, r.last_name AS r_last,
                       (SELECT address FROM customer_address WHERE customer_id = c.id ORDER BY position LIMIT 1) AS email,
                       (SELECT address FROM customer_address WHERE customer_id = r.id ORDER BY position LIMIT 1) AS r_email
                FROM customer c LEFT JOIN customer r ON r.id = c.referred_by
                WHERE c.referral_recorded IS NOT NULL \(filter)
                ORDER BY c.referral_recorded, c.id
                """).map { row in
                ReferralRecord(customerEmail: row["email"], customerName: Self.name(row["first_name"], row["last_name"]),
                               referrerEmail: row["r_email"],
                               referrerName: (row["r_first"] as String?).map { Self.name($0, row["r_last"]) },
                               source: row["referral_source"], coupon: row["referral_coupon"],
                               recorded: row.date("referral_recorded"),
                               thanked: (row["referral_thanked"] as Double?) != nil)
            }
        }
    }

    public func thankYouQueue(agent: String) throws -> [ThankYouItem] {
        try read { db in
            let rows = try db.rows("""
                SELECT r.id, r.first_name, r.last_name, c.first_name AS c_first, c.last_name AS c_last,
                       c.referral_recorded, c.referral_thanks_conversation
                FROM customer c JOIN customer r ON r.id = c.referred_by
                WHERE c.referral_thanked IS NULL AND r.owner IS NOT DISTINCT FROM $1::text
                ORDER BY c.referral_recorded, c.id
                """, [agent.isEmpty ? nil : agent])
            return ThankYouItem.grouped(rows.map { row in
                ThankYouItem(referrerID: row["id"], referrerName: Self.name(row["first_name"], row["last_name"]),
                             referred: [Self.name(row["c_first"], row["c_last"])],
                             oldest: row.date("referral_recorded"),
                             conversationID: row["referral_thanks_conversation"])
            })
        }
    }
}
