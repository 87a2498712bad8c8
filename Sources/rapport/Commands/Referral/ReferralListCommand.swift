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
        @OptionGroup var output: ListingOutput

        func run() throws {
            let referrals = try Referrals(store: global.openStore()).list(unthankedOnly: unthanked)
            if output.json { return printJSON(referrals.map(ReferralJSON.init)) }
            for r in referrals {
                let how = r.referrerName.map { "referred by \($0)" } ?? "source: \(r.source ?? "")"
                say("\(r.customerName) <\(r.customerEmail)>\t\(how)\t\(r.referrerName == nil ? "" : r.thanked ? "thanked" : "not yet thanked")")
            }
        }
    }
}

struct ReferralJSON: Encodable {
    let customer: String, customerName: String
    @EncodedAsNull var referrer: String?
    @EncodedAsNull var referrerName: String?
    @EncodedAsNull var source: String?
    @EncodedAsNull var coupon: String?
    let recorded: Date
    let thanked: Bool
    init(_ r: ReferralRecord) {
        customer = r.customerEmail; customerName = r.customerName; referrer = r.referrerEmail; referrerName = r.referrerName
        source = r.source; coupon = r.coupon; recorded = r.recorded; thanked = r.thanked
    }
}
