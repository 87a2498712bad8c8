import ArgumentParser
import RapportApp
import RapportCore

/// `rapport log CUSTOMER_EMAIL [--json]`: who looked after a customer, and the handoff notes.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "A customer's assignment history.",
        discussion: "The text also lists the replies written while covering for an away owner (rapport away); --json lists the assignments only.")
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
        // Covers interleave with the assignments by time: the log reads as what happened.
        var lines = log.map { a in
            (a.at, "\(a.at.formatted(.iso8601))  \(a.from ?? "—") → \(a.to ?? "—")  by \(a.by)" + (a.note.map { "  “\($0)”" } ?? ""))
        }
        lines += try Cover(store: store).log(customer: customer.id).map { c in
            (c.at, "\(c.at.formatted(.iso8601))  \(c.coverer) replied covering for \(c.owner) (owner unchanged)")
        }
        for line in lines.sorted(by: { $0.0 < $1.0 }) { say(line.1) }
    }
}
