import ArgumentParser

/// `rapport agent add|list`.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agent", abstract: "Add and list agents.",
                                                    subcommands: [Add.self, List.self])
}
