import ArgumentParser

/// `rapport referral record|list`: how customers heard about us.
struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "referral", abstract: "Record and list how customers heard about us.",
                                                    subcommands: [Record.self, List.self])
}
