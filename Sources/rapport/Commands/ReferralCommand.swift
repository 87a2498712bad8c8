import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportStore

struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "referral", abstract: "Record and list how customers heard about us.",
                                                    subcommands: [Record.self, List.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record who referred a customer (a thank-you draft is prepared for the referrer's owner) or another source.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The new customer's address.") var customerEmail: String
        @Option(help: "The referring customer's address.") var by: String?
        @Option(help: "Another source: \"search\", \"radio\", \"a friend not yet a customer: Pat Lee\".") var source: String?
        @Option(help: "A coupon code to put in the thank-you.") var coupon: String?

        func validate() throws {
            if (by == nil) == (source == nil) { throw ValidationError("give either --by REFERRER_EMAIL or --source TEXT") }
            if let source, source.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--source is empty") }
            if coupon != nil && by == nil { throw ValidationError("--coupon goes with --by (it is for the referrer)") }
        }

        func run() throws {
            let store = try global.openStore()
            guard let customer = try store.customer(email: customerEmail) else { throw RapportError.unknownCustomer(customerEmail) }
            var referrer: Customer?
            var thankYou: PreparedMessage?
            if let by {
                guard let found = try store.customer(email: by) else { throw RapportError.unknownCustomer(by) }
                referrer = found
                let owner = try found.owner.flatMap { try store.agent(login: $0) }
                thankYou = try PreparedMessages.thankYou(referrer: found, referred: customer, owner: owner, coupon: coupon)
            }
            try store.recordReferral(customer: customer.id, referrer: referrer?.id, source: source, coupon: coupon,
                                     thankYou: thankYou, at: Date())
            if let referrer {
                let whose = referrer.owner.map { "\($0)'s Thank-you view" } ?? "Unassigned (\(referrer.firstName) has no owner yet)"
                say("Recorded: \(referrer.fullName) referred \(customer.fullName). A thank-you draft waits in \(whose).")
            } else {
                say("Recorded: \(customer.fullName) heard about us through \(source ?? "").")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded referrals, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only referrals by customers whose referrer has not been thanked yet.") var unthanked = false
        @Flag var json = false

        func run() throws {
            let referrals = try global.openStore().referrals(unthankedOnly: unthanked)
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
