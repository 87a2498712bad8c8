import ArgumentParser
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer list [--owner LOGIN | --unassigned] [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only customers of this owner.") var owner: String?
        @Flag(help: "Only customers with no owner.") var unassigned = false
        @OptionGroup var output: ListingOutput

        func validate() throws {
            if owner != nil && unassigned { throw ValidationError("--owner and --unassigned exclude each other") }
        }

        func run() throws {
            let filter: OwnerFilter = unassigned ? .unassigned : owner.map { .agent($0) } ?? .anyone
            let customers = try Customers(store: global.openStore()).list(owner: filter)
            let emails = Dictionary(customers.map { ($0.id, $0.primaryEmail) }, uniquingKeysWith: { a, _ in a })
            if output.json {
                return printJSON(customers.map { c in CustomerJSON(c, referredByEmail: c.referredBy.flatMap { emails[$0] }) })
            }
            for c in customers {
                say("\(c.primaryEmail)\t\(c.fullName)\t\(c.owner ?? "—")\t\(c.isExisting ? "existing" : "new")")
            }
        }
    }
}
