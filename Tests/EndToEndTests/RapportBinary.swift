import Foundation
import Testing
import TestSupport

/// Runs the built `rapport` binary as a real process, the way a script or a person would.
struct RapportBinary {
    /// The executable sits next to the test bundle in SwiftPM's build folder.
    static let url: URL = {
        if let env = ProcessInfo.processInfo.environment["RAPPORT_BIN"] { return URL(fileURLWithPath: env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("rapport")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        fatalError("rapport binary not found next to \(CommandLine.arguments[0]); run `swift build` first")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    let store: String
    let environment: [String: String]
    /// The folder holding the store, HOME and the XDG dirs; removed with the last copy of this value.
    let folder: TemporaryDirectory

    /// A database of its own when the store is PostgreSQL, dropped with the last copy of this value.
    let database: ScratchDatabase?

    /// The temporary folder (HOME) the store's files sit in.
    var home: String { folder.url.path }

    /// A fresh store in a new temporary folder (a file, or a new database on the test server for
    /// `.postgres`); HOME and XDG dirs point inside the folder too.
    init(_ backend: Backend = .sqlite) {
        folder = try! TemporaryDirectory(prefix: "rapport-e2e")
        let dir = folder.url
        switch backend {
        case .sqlite:
            database = nil
            store = dir.appendingPathComponent("rapport.sqlite").path
        case .postgres:
            let scratch = try! ScratchDatabase()
            database = scratch
            store = scratch.url
        }
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.path
        env["XDG_DATA_HOME"] = dir.appendingPathComponent("data").path
        env["XDG_CONFIG_HOME"] = dir.appendingPathComponent("config").path
        env["RAPPORT_STORE"] = store
        env.removeValue(forKey: "RAPPORT_AGENT")
        env["USER"] = "nobody-here"
        environment = env
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = launch(arguments, stdin: stdin, environment: extra)
        let out = process.1.fileHandleForReading.readDataToEndOfFile()
        let err = process.2.fileHandleForReading.readDataToEndOfFile()
        process.0.waitUntilExit()
        return Result(status: process.0.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts the binary and returns at once; the caller reads the pipes and waits.
    func launch(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try! process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try! process.run()
        }
        return (process, out, err)
    }

    /// A store with two agents, ready for commands.
    static func withTeam(_ backend: Backend = .sqlite) throws -> RapportBinary {
        let cli = RapportBinary(backend)
        _ = try cli.run(["init"])
        _ = try cli.run(["agent", "add", "--login", "sam", "--first", "Sam", "--last", "Ortiz", "--email", "sam@example.com"])
        _ = try cli.run(["agent", "add", "--login", "priya", "--first", "Priya", "--last", "Raman", "--email", "priya@example.com"])
        return cli
    }

    /// A fresh store holding the demo (`rapport demo --seed-only`); on PostgreSQL the demo is made in
    /// a SQLite file beside it and moved over with `rapport store copy`, as a team would.
    static func withDemo(_ backend: Backend = .sqlite) throws -> RapportBinary {
        let cli = RapportBinary(backend)
        let file = backend == .sqlite ? cli.store : cli.home + "/demo.sqlite"
        let seeded = try cli.run(["demo", "--seed-only", "--store", file])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        if backend == .postgres {
            let copied = try cli.run(["store", "copy", "--store", file, "--to", cli.store])
            #expect(copied.status == 0, "\(copied.stderr)")
        }
        return cli
    }

    /// An empty Maildir (new, cur, tmp) called `name`, beside the store; returns its path.
    func makeMaildir(_ name: String) throws -> String {
        let maildir = home + "/" + name
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        return maildir
    }
}
