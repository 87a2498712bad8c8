import ArgumentParser
import RapportApp
import RapportCore

extension AgentCommand {
    /// `rapport agent list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agents.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListingOutput

        func run() throws {
            let agents = try Agents(store: global.openStore()).list()
            if output.json { return printJSON(agents.map(AgentJSON.init)) }
            for a in agents { say("\(a.login)\t\(a.fullName)\t\(a.email)") }
        }
    }
}
