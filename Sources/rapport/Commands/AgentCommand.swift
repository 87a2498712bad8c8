import ArgumentParser
import RapportCore

struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agent", abstract: "Add and list agents.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an agent (their own address; no-reply addresses are refused).")
        @OptionGroup var global: GlobalOptions
        @Option var login: String
        @Option var first: String
        @Option var last: String
        @Option var email: String

        func run() throws {
            let store = try global.openStore()
            try store.addAgent(Agent(login: login, firstName: first, lastName: last, email: email))
            say("Added agent \(login) <\(email)>")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agents.")
        @OptionGroup var global: GlobalOptions
        @Flag var json = false

        func run() throws {
            let agents = try global.openStore().agents()
            if json { return printJSON(agents.map(AgentJSON.init)) }
            for a in agents { say("\(a.login)\t\(a.fullName)\t\(a.email)") }
        }
    }
}
