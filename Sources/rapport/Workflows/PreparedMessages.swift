import Foundation
import RapportCore

/// The texts Rapport prepares for a person to finish: heads-up notes and referral thank-yous.
enum PreparedMessages {
    static func headsUp(_ row: HeadsUpImport.Row, customer: Customer, owner: Agent?) throws -> PreparedMessage {
        let sign = owner?.firstName ?? ""
        return PreparedMessage(
            subject: "Before it happens: a change on \(ISODate.format(row.effectiveDate))",
            text: "Hi \(customer.firstName),\n\nI wanted you to hear this from me before it happens: \(row.details)\n\n"
                + "If you'd like to talk it through, just reply.\n\n\(sign)")
    }

    static func thankYou(referrer: Customer, referred: Customer, owner: Agent?, coupon: String?) throws -> PreparedMessage {
        let sign = owner?.firstName ?? ""
        let gift = coupon.map { "\n\nAs a small thank-you, here is a code for your next renewal: \($0)" } ?? ""
        return PreparedMessage(
            subject: "Thank you for sending \(referred.firstName) our way",
            text: "Hi \(referrer.firstName),\n\n\(referred.firstName) told us you recommended us. Thank you — that means a lot."
                + "\(gift)\n\nHow are things with you?\n\n\(sign)")
    }
}

extension PreparedMessages {
    /// Event kinds there is a heads-up template for.
    static func headsUpKinds() throws -> Set<String> {
        ["rate-increase", "fee", "overdraft", "policy-change"]
    }
}
