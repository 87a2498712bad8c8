import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportPostgres
import RapportStore

/// `--store` and `--agent`, taken by every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store: a file, or postgres://user@host:port/database (default: $RAPPORT_STORE, else $XDG_DATA_HOME/rapport/rapport.sqlite).",
        discussion: "A PostgreSQL password comes from PGPASSWORD or ~/.pgpass (or passfile=…), never from the address."))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "Your agent login (default: $RAPPORT_AGENT, else $USER; on PostgreSQL, the role you connected as).",
        discussion: "On PostgreSQL the database vouches for who is acting: the connected role is the agent of the same login, and only an administrator role (a superuser, or the database's owner or a member of its role) may act as another agent."))
    var agent: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Where data lives: $XDG_DATA_HOME/rapport, else ~/.local/share/rapport.
    var dataDirectory: String { ConfigPaths(environment: environment).dataDirectory }

    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let env = environment["RAPPORT_STORE"], !env.isEmpty { return env }
        return dataDirectory + "/rapport.sqlite"
    }

    /// The agent login asked for by name, if any: --agent, else $RAPPORT_AGENT ($USER is only a default).
    var askedAgent: String? {
        if let agent, !agent.isEmpty { return agent }
        if let env = environment["RAPPORT_AGENT"], !env.isEmpty { return env }
        return nil
    }

    /// The user's config file (defaults when there is none); a broken file is a refused action naming it.
    func config() throws -> RapportConfig {
        try loadConfig(environment: environment)
    }

    /// True when the store is a PostgreSQL database rather than a file.
    var storeIsPostgres: Bool { PostgresLocation.isPostgres(storePath) }

    /// The store, for messages: the file's path, or the database's address (which never holds a password).
    var storeDescription: String {
        storeIsPostgres ? ((try? PostgresLocation(storePath))?.description ?? storePath) : storePath
    }

    /// The one place a command opens its store: a `postgres://` address opens the PostgreSQL adapter,
    /// anything else is a SQLite file.
    func openStore(create: Bool = false) throws -> any StorePort {
        if storeIsPostgres { return try PostgresStore(PostgresLocation(storePath), create: create) }
        return try SQLiteStore(path: storePath, create: create)
    }

    /// The agent running this command, as far as the store vouches for it (`Agents.acting`): on
    /// PostgreSQL the connected role, which only an administrator role may override with --agent. An
    /// unknown login is refused with the list of known agents.
    func currentAgent(_ store: some WorkflowStore) throws -> Agent {
        try Agents(store: store).acting(asked: askedAgent, user: environment["USER"])
    }
}

/// The user's config file (defaults when there is none). The one place a `ConfigError` becomes a
/// refused action (exit 1) naming the file; `rapport lint` alone reports it as bad usage (exit 2).
func loadConfig(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RapportConfig {
    do { return try RapportConfig.load(environment: environment) } catch let error as ConfigError {
        throw RapportError.invalid("\(error)")
    }
}
