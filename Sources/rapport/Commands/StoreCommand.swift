import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportPostgres
import RapportStore

/// `rapport store check`: whether the store file is sound, read-only; `rapport store copy`: a SQLite
/// store into a new PostgreSQL one.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Look after the store.", subcommands: [Check.self, Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a SQLite store into an empty PostgreSQL store (moving a team onto a server).",
            discussion: """
                Copies every table (agents, customers and their owners, the whole assignment log, conversations, \
                messages, drafts, the outbox, referrals, heads-ups, the files ingest has seen) in one transaction, \
                then checks each table's count and prints it. The target is made a store if it is an empty database; \
                one holding any row is refused and nothing is copied. The password comes from PGPASSWORD or ~/.pgpass.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "The PostgreSQL store to fill: postgres://user@host:port/database.")
        var to: String

        func run() throws {
            guard !global.storeIsPostgres else {
                throw RapportError.invalid("store copy reads a SQLite store file; --store names a PostgreSQL database")
            }
            let target = try PostgresStore(PostgresLocation(to), create: true)
            let source = try SQLiteStore(path: global.storePath)
            let counts = try StoreCopy(source: source, target: target).copy()
            for (table, rows) in counts { say("\(table)\t\(rows)") }
            say("copied \(global.storePath) to \(target.location); every count checked")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store file for damage (SQLite's quick_check), without changing it.",
            discussion: "Exit status: 0 when the file is sound, 1 when it is damaged or not a store.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard !global.storeIsPostgres else {
                throw RapportError.invalid("store check reads a SQLite file; a PostgreSQL store is checked with the server's own tools (pg_amcheck)")
            }
            let path = global.storePath
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                complain("rapport: \(path) is not a store file")
                throw ExitCode(1)
            }
            let problems = SQLiteStore.integrityProblems(path: path)
            guard problems.isEmpty else {
                for problem in problems { complain("rapport: \(path): \(problem)") }
                complain("rapport: the store is damaged; restore it from a backup")
                throw ExitCode(1)
            }
            say("ok: \(path)")
        }
    }
}
