import ArgumentParser
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer add --first F [--last L] --email E [--owner LOGIN] [--existing]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a customer, optionally with an owner.")
        @OptionGroup var global: GlobalOptions
        @Option var first: String
        @Option var last: String = ""
        @Option var email: String
        @Option(help: "Owner's agent login.") var owner: String?
        @Flag(help: "An existing customer (replies must then be personal and short).") var existing = false

        func run() throws {
            let store = try global.openStore()
            let by = owner == nil ? nil : try global.currentAgent(store).login
            let customer = try Customers(store: store).add(
                NewCustomer(firstName: first, lastName: last, email: email, owner: owner, isExisting: existing), by: by)
            say("Added \(customer.fullName) <\(customer.primaryEmail)>" + (owner.map { ", looked after by \($0)" } ?? ""))
        }
    }
}
