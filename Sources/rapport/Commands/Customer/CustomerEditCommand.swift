import ArgumentParser
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer edit EMAIL [--first F] [--last L] [--add-address A]... [--remove-address A]...`.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a customer's name (a guessed name then stops being a guess), add and remove addresses.",
            discussion: """
                Addresses are added before any is removed, so one edit can replace a customer's only address. \
                The last address is never removed; an address of another customer is refused (merge the two \
                with `rapport customer merge` if they are one person). Nothing is written when anything is refused.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Any of the customer's addresses.") var email: String
        @Option(help: "First name.") var first: String?
        @Option(help: "Last name (empty to clear it).") var last: String?
        @Option(name: .customLong("add-address"), help: "An address to add (repeatable).") var add: [String] = []
        @Option(name: .customLong("remove-address"), help: "An address to remove (repeatable).") var remove: [String] = []

        func validate() throws {
            if first == nil && last == nil && add.isEmpty && remove.isEmpty {
                throw ValidationError("nothing to change: give --first, --last, --add-address or --remove-address")
            }
        }

        func run() throws {
            let customers = Customers(store: try global.openStore())
            let customer = try customers.find(email: email)
            let edited = try customers.edit(customer: customer.id, .init(firstName: first, lastName: last,
                                                                         addAddresses: add, removeAddresses: remove))
            say("\(SafeText.safe(edited.fullName)): \(edited.addresses.joined(separator: ", "))")
        }
    }
}
