import Foundation
import RapportPostgres
import Testing

/// Which store the binary runs on. The tests that matter for a team on several machines run on
/// both; PostgreSQL only when `RAPPORT_TEST_POSTGRES` names a server (`make test` starts one).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let server: PostgresLocation? = ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"]
        .flatMap { try? PostgresLocation($0) }

    /// The backends this run can use.
    static let available: [Backend] = server == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}

/// A new database on the test server for one test, dropped with the last reference.
final class ScratchDatabase: Sendable {
    let name = "rapport_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let server: PostgresLocation
    /// Its address, as `--store` takes it (without a password: the test server trusts loopback).
    let url: String

    init() throws {
        guard let server = Backend.server else { throw CocoaError(.featureUnsupported) }
        self.server = server
        try PostgresDatabases.create(name, on: server)
        url = "postgres://\(server.user)@\(server.host):\(server.port)/\(name)?sslmode=disable"
    }

    deinit { try? PostgresDatabases.drop(name, on: server) }

    /// Runs SQL on this database with psql (the server's own client), as a person would: as `user`, by
    /// default the server's superuser. Stops at the first error.
    func psql(_ sql: String, as user: String? = nil) throws -> RapportBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-At", "-h", server.host, "-p", "\(server.port)", "-U", user ?? server.user, "-d", name,
                             "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return RapportBinary.Result(status: process.terminationStatus,
                                    stdout: stdout.trimmingCharacters(in: .whitespacesAndNewlines), stderr: stderr)
    }
}
