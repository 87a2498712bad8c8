import ArgumentParser
import RapportCore

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Add, list and import customers.",
                                                    subcommands: [Add.self, List.self, Import.self])

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
            let customer = try store.addCustomer(
                NewCustomer(firstName: first, lastName: last, email: email, owner: owner, isExisting: existing), by: by)
            say("Added \(customer.fullName) <\(customer.primaryEmail)>" + (owner.map { ", looked after by \($0)" } ?? ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only customers of this owner.") var owner: String?
        @Flag(help: "Only customers with no owner.") var unassigned = false
        @Flag var json = false

        func validate() throws {
            if owner != nil && unassigned { throw ValidationError("--owner and --unassigned exclude each other") }
        }

        func run() throws {
            let store = try global.openStore()
            let filter: OwnerFilter = unassigned ? .unassigned : owner.map { .agent($0) } ?? .anyone
            let customers = try store.customers(owner: filter)
            let emails = Dictionary(customers.map { ($0.id, $0.primaryEmail) }, uniquingKeysWith: { a, _ in a })
            if json {
                return printJSON(customers.map { c in CustomerJSON(c, referredByEmail: c.referredBy.flatMap { emails[$0] }) })
            }
            for c in customers {
                say("\(c.primaryEmail)\t\(c.fullName)\t\(c.owner ?? "—")\t\(c.isExisting ? "existing" : "new")")
            }
        }
    }
}
