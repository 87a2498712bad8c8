import ArgumentParser
import RapportApp
import RapportCore

/// `rapport log CUSTOMER_EMAIL [--json]`: who looked after a customer, and the handoff notes.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "A customer's assignment history.")
    @OptionGroup var global: GlobalOptions
    @Argument var customerEmail: String
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        let customer = try Customers(store: store).find(email: customerEmail)
        let log = try Ownership(store: store).history(customer: customer.id)
        if output.json {
            return printJSON(log.map {
                AssignmentJSON(customer: customer.primaryEmail, from: $0.from, to: $0.to, by: $0.by, note: $0.note, at: $0.at)
            })
        }
        for a in log {
            let note = a.note.map { "  “\($0)”" } ?? ""
            say("\(a.at.formatted(.iso8601))  \(a.from ?? "—") → \(a.to ?? "—")  by \(a.by)\(note)")
        }
    }
}
