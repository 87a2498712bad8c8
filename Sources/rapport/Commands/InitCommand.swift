import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty store, or bring a store to the current schema.",
        discussion: "With --store postgres://user@host:port/database, the database must be empty or a Rapport store; any other is refused untouched.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = try global.openStore(create: true)
        say("Rapport store ready at \(global.storeDescription)")
    }
}
