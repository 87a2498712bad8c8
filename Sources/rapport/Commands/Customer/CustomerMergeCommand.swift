import ArgumentParser
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer merge FROM_EMAIL INTO_EMAIL [--note TEXT]`.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make two customers who are one person one customer.",
            discussion: """
                FROM's conversations, addresses, assignment log, referrals and heads-ups move to INTO, and FROM \
                is gone. INTO keeps its owner and its name (unless its name was only guessed). When FROM has \
                another owner, --note is the handoff note, as for a takeover. The merge is written in INTO's \
                assignment log (rapport log).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "An address of the customer who is merged (and goes).") var fromEmail: String
        @Argument(help: "An address of the customer who stays.") var intoEmail: String
        @Option(help: "Handoff note, needed when FROM has another owner than INTO.") var note: String?

        func run() throws {
            let store = try global.openStore()
            let me = try global.currentAgent(store)
            let customers = Customers(store: store)
            let from = try customers.find(email: fromEmail), into = try customers.find(email: intoEmail)
            try customers.merge(from.id, into: into.id, by: me.login, note: note)
            let merged = try customers.find(id: into.id)
            say("\(SafeText.safe(from.fullName)) is now part of \(SafeText.safe(merged.fullName)): \(merged.addresses.joined(separator: ", "))")
        }
    }
}
