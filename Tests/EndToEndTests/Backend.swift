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
}
