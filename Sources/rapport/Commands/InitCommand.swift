import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// `rapport init`: an empty store and what to do next; `--config` writes a commented config file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty store (or bring one to the current schema) and print the next steps; --config writes a commented config file instead.",
        discussion: """
            With --store postgres://user@host:port/database, the database must be empty or a Rapport store; any \
            other is refused untouched. --config writes $XDG_CONFIG_HOME/rapport/config.toml \
            (~/.config/rapport/config.toml) with every key, its default and what it does; an existing file is \
            never overwritten. docs/setup.md takes a team from zero to mail that flows by itself.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Write a commented config file (refused when one exists) instead of creating the store.") var config = false

    func run() throws {
        let paths = ConfigPaths(environment: global.environment)
        if config { return try writeConfig(paths.configFile) }
        let store = try global.openStore(create: true)
        say("Rapport store ready at \(global.storeDescription)")
        say("")
        say(Self.nextSteps(configFile: paths.configFile, configExists: FileManager.default.fileExists(atPath: paths.configFile),
                           hasAgents: !(try store.agents().isEmpty), vouched: try store.vouchedIdentity() != .unvouched))
    }

    func writeConfig(_ file: String) throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw RapportError.invalid("\(file) already exists; nothing was changed (edit it, or move it away first)")
        }
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // O_EXCL: a file created meanwhile is not overwritten either.
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RapportError.invalid("cannot write \(file): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try handle.write(contentsOf: Data(RapportConfig.commentedTemplate.utf8))
        try handle.close()
        say("Wrote \(file)")
        say("Next: set [mail] maildirs and sendmail in it (docs/setup.md); then `rapport init` makes the store and `rapport sync` keeps mail flowing.")
    }

    /// The steps from an empty store to mail that flows by itself.
    /// On PostgreSQL (`vouched`) each agent connects as a role of their own, which is who they are.
    static func nextSteps(configFile: String, configExists: Bool, hasAgents: Bool, vouched: Bool = false) -> String {
        var steps: [String] = []
        if vouched && !hasAgents {
            steps.append("Add each agent's role, as an administrator: CREATE ROLE sam LOGIN PASSWORD '…' IN ROLE rapport_agent"
                + " (README, \"A team on several machines\")")
        }
        if !hasAgents {
            steps.append("Add each agent: rapport agent add --login sam --first Sam --last Ortiz --email sam@example.com")
        }
        steps.append(configExists
            ? "Check your config (\(configFile)): [mail] maildirs and sendmail"
            : "Write a config: rapport init --config, then set [mail] maildirs and sendmail in \(configFile)")
        steps.append("Fill the Maildir with your support mail (mbsync or getmail) and send through msmtp: docs/setup.md")
        steps.append("Start the mail flow: rapport sync (or its systemd user service, docs/setup.md)")
        steps.append(vouched ? "Open the inbox: rapport, connected as the agent's own role"
                             : "Open the inbox: rapport --agent LOGIN (or set RAPPORT_AGENT)")
        return "Next steps:\n" + steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}
