import ArgumentParser
import Foundation
import RapportStore

/// `rapport store check`: whether the store file is sound, read-only.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Look after the store file.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store file for damage (SQLite's quick_check), without changing it.",
            discussion: "Exit status: 0 when the file is sound, 1 when it is damaged or not a store.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
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
