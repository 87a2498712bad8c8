import ArgumentParser
import Foundation
import RapportApp
import RapportCore

extension ReferralCommand {
    /// `rapport referral list [--unthanked] [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded referrals, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only referrals by customers whose referrer has not been thanked yet.") var unthanked = false
        @Flag var json = false

        func run() throws {
            let referrals = try Referrals(store: global.openStore()).list(unthankedOnly: unthanked)
            if json { return printJSON(referrals.map(ReferralJSON.init)) }
            for r in referrals {
                let how = r.referrerName.map { "referred by \($0)" } ?? "source: \(r.source ?? "")"
                say("\(r.customerName) <\(r.customerEmail)>\t\(how)\t\(r.referrerName == nil ? "" : r.thanked ? "thanked" : "not yet thanked")")
            }
        }
    }
}

struct ReferralJSON: Encodable {
    let customer: String, customerName: String
    let referrer: String?, referrerName: String?, source: String?, coupon: String?
    let recorded: Date
    let thanked: Bool
    init(_ r: ReferralRecord) {
        customer = r.customerEmail; customerName = r.customerName; referrer = r.referrerEmail; referrerName = r.referrerName
        source = r.source; coupon = r.coupon; recorded = r.recorded; thanked = r.thanked
    }
    enum CodingKeys: String, CodingKey { case customer, customerName, referrer, referrerName, source, coupon, recorded, thanked }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customer, forKey: .customer); try c.encode(customerName, forKey: .customerName)
        try c.encode(referrer, forKey: .referrer); try c.encode(referrerName, forKey: .referrerName)
        try c.encode(source, forKey: .source); try c.encode(coupon, forKey: .coupon)
        try c.encode(recorded, forKey: .recorded); try c.encode(thanked, forKey: .thanked)
    }
}
