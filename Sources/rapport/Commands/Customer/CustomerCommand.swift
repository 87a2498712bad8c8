import ArgumentParser

/// `rapport customer add|list|import`.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Add, list and import customers.",
                                                    subcommands: [Add.self, List.self, Import.self])
}
