import Foundation
import RapportCore
@testable import RapportPostgres
@testable import RapportStore
import TestSupport
import Testing

/// Every adapter the contract suite runs against. The only file of the suite that knows an
/// adapter. PostgreSQL runs when `RAPPORT_TEST_POSTGRES` names a server (`make test` starts a private
/// one with scripts/with-postgres); on CI it must (see `postgresRunsOnCI`).
enum StoreFactories {
    static let all: [StoreFactory] = {
        var factories = [StoreFactory(name: "SQLite") { try SQLiteDatabase() }]
        if let server = PostgresTestServer.location {
            factories.append(StoreFactory(name: "PostgreSQL") { try PostgresTestDatabase(server: server) })
        }
        return factories
    }()
}

/// Makes an empty database for one test; `open()` on it gives a new store instance on the same data
/// each time (two instances stand for two processes).
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let makeDatabase: @Sendable () throws -> any TestDatabase
    var testDescription: String { name }
}

protocol TestDatabase: AnyObject {
    func open() throws -> any StorePort
    /// From now on the database refuses to store a message whose text contains `marker` (a stand-in
    /// for a row the database will not take), in each adapter's own SQL.
    func refuseMessages(containing marker: String) throws
}

/// A real SQLite file in a temporary folder, removed with the last reference.
final class SQLiteDatabase: TestDatabase {
    let folder: TemporaryDirectory
    let path: String

    init() throws {
        folder = try TemporaryDirectory(prefix: "rapport-contract")
        path = folder.path("rapport.sqlite")
    }

    func open() throws -> any StorePort { try SQLiteStore(path: path, create: true) }

    func refuseMessages(containing marker: String) throws {
        try SQLiteStore(path: path, create: true).pool.write { db in
            // A NOT NULL column computed from the text, neither a trigger nor a CHECK constraint:
            // ingest writes with both off.
            try db.execute(sql: """
                ALTER TABLE message ADD COLUMN refused_by_the_test INTEGER
                    GENERATED ALWAYS AS (CASE WHEN instr(text, '\(marker)') = 0 THEN 1 END) VIRTUAL NOT NULL
                """)
        }
    }
}

/// The PostgreSQL server the tests may use, from `RAPPORT_TEST_POSTGRES` (postgres://user@host:port/db).
enum PostgresTestServer {
    static let location: PostgresLocation? = ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"]
        .flatMap { try? PostgresLocation($0) }
}

/// A database of its own on the test server, dropped with the last reference.
final class PostgresTestDatabase: TestDatabase {
    let server: PostgresLocation
    let name = "rapport_contract_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let location: PostgresLocation

    init(server: PostgresLocation) throws {
        self.server = server
        try PostgresDatabases.create(name, on: server)
        var location = server
        location.database = name
        self.location = location
    }

    func open() throws -> any StorePort { try PostgresStore(location, create: true) }

    func refuseMessages(containing marker: String) throws {
        _ = try open()   // the schema first
        try PostgresDatabases.execute("""
            CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF position('\(marker)' IN NEW.text) > 0 THEN RAISE EXCEPTION 'refused_by_the_test'; END IF; RETURN NEW; END $$
            """, on: location)
        try PostgresDatabases.execute("""
            CREATE TRIGGER test_refuse BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION test_refuse()
            """, on: location)
    }

    deinit { try? PostgresDatabases.drop(name, on: server) }
}

@Suite struct StoreFactoriesTests {
    /// CI must not pass by skipping PostgreSQL: with `CI` set, the server must be there.
    @Test func postgresRunsOnCI() {
        guard ProcessInfo.processInfo.environment["CI"] != nil else { return }
        #expect(PostgresTestServer.location != nil,
                "CI is set but RAPPORT_TEST_POSTGRES is not: run the tests under scripts/with-postgres (make test does)")
        #expect(StoreFactories.all.map(\.name).contains("PostgreSQL"))
    }
}
