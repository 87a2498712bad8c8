import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// Records how a customer heard about us: another customer (`referrer`) or a free-text source.
    public func recordReferral(customer: CustomerID, referrer: CustomerID?, source: String?, coupon: String?,
                               at: Date) throws {
        try pool.write { db in
            guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
            if let referrer {
                guard referrer != customer else { throw RapportError.invalid("a customer cannot refer themselves") }
                guard try Self.customer(db, id: referrer) != nil else { throw RapportError.unknownCustomer("#\(referrer)") }
            }
            try db.execute(sql: """
                UPDATE customer SET referred_by = ?, referral_source = ?, referral_coupon = ?, referral_recorded = ?
                WHERE id = ?
                """, arguments: [referrer, source, coupon, at.timeIntervalSince1970, customer])
        }
    }

    /// Adds a heads-up event for a customer; the same (customer, kind, date) twice is a no-op.
    public func addHeadsUpEvent(_ event: HeadsUpEvent) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO headsup_event (customer_id, kind, effective_date, details, due)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [event.customerID, event.kind, event.effectiveDate.timeIntervalSince1970, event.details,
                                 event.due.timeIntervalSince1970])
        }
    }
}
