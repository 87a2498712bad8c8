import ArgumentParser

/// `rapport customer add|list|search|show|edit|merge|import`.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Add, list, find, show, edit, merge and import customers.",
                                                    subcommands: [Add.self, List.self, Search.self, Show.self, Edit.self, Merge.self, Import.self])
}
