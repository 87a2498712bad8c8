import ArgumentParser
import RapportApp
import RapportCore

extension ReferralCommand {
    /// `rapport referral record CUSTOMER_EMAIL --by REFERRER_EMAIL | --source TEXT [--coupon CODE]`.
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
            let customers = Customers(store: store)
            let customer = try customers.find(email: customerEmail)
            let referrer = try by.map { try customers.find(email: $0) }
            let recorded = try Referrals(store: store)
                .record(customer: customer.id, referrer: referrer?.id, source: source, coupon: coupon)
            say("Recorded: " + recorded.summary(for: try? global.currentAgent(store).login) + ".")
        }
    }
}
