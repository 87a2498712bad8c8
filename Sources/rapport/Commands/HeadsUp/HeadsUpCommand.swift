import ArgumentParser

/// `rapport headsup import|status`: personal messages before market-norm events.
struct HeadsUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headsup", abstract: "Tell customers about rate increases, fees and policy changes before they happen.",
        subcommands: [Import.self, Status.self])
}
