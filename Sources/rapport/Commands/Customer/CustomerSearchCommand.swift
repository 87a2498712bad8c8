import ArgumentParser
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer search TEXT [--json]`.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Customers whose first name, last name, full name or an address starts with TEXT (case aside).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The start of a name or an address.") var text: String
        @OptionGroup var output: ListingOutput

        func run() throws {
            let customers = Customers(store: try global.openStore())
            let found = try customers.search(text)
            if output.json { return printJSON(try found.map { try CustomerJSON($0, in: customers) }) }
            for c in found {
                say("\(c.primaryEmail)\t\(SafeText.safe(c.fullName))\t\(c.owner ?? "—")\t\(c.addresses.count) address\(c.addresses.count == 1 ? "" : "es")")
            }
        }
    }
}

extension CustomerJSON {
    /// With the referrer's primary address looked up.
    init(_ c: Customer, in customers: Customers) throws {
        self.init(c, referredByEmail: try c.referredBy.map { try customers.find(id: $0).primaryEmail })
    }
}
