import ArgumentParser
import RapportApp
import RapportCore

extension AgentCommand {
    /// `rapport agent add --login L --first F --last L --email E`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agent (their own address; no-reply addresses are refused).")
        @OptionGroup var global: GlobalOptions
        @Option var login: String
        @Option var first: String
        @Option var last: String
        @Option var email: String

        func run() throws {
            try Agents(store: global.openStore()).add(Agent(login: login, firstName: first, lastName: last, email: email))
            say("Added agent \(login) <\(email)>")
        }
    }
}
