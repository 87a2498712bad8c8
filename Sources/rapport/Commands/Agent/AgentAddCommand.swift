import ArgumentParser
import RapportApp
import RapportCore

extension AgentCommand {
    /// `rapport agent add --login L --first F [--last L] --email E`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agent (their own address; no-reply addresses are refused).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Their login: letters, digits, '.', '_' or '-' (what --agent and $RAPPORT_AGENT name).")
        var login: String
        @Option(help: "Their first name: how they sign every reply.") var first: String
        @Option(help: "Their last name (optional).") var last: String = ""
        @Option(help: "Their own address: replies come from it and go back to it (no-reply addresses are refused).")
        var email: String

        func run() throws {
            try Agents(store: global.openStore()).add(Agent(login: login, firstName: first, lastName: last, email: email))
            say("Added agent \(login) <\(email)>")
        }
    }
}
