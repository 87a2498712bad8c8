import ArgumentParser
import RapportStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty store.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: true)
        say("Rapport store ready at \(store.path)")
    }
}
