import ArgumentParser
import RapportCore

struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inbox", abstract: "Open the full-screen inbox (the default).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        try openInbox(store: store, agent: try global.currentAgent(store))
    }
}
