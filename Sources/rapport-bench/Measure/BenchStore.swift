import RapportCore
import RapportPostgres
import RapportStore

/// The store a measurement runs on, as `rapport --store` reads it: a `postgres://` address is the
/// PostgreSQL adapter, anything else a SQLite file.
enum BenchStore {
    static func open(_ location: String) throws -> any StorePort {
        if PostgresLocation.isPostgres(location) { return try PostgresStore(PostgresLocation(location)) }
        return try SQLiteStore(path: location)
    }

    static func applyFixture(_ location: String) throws -> (owned: Int, customers: Int) {
        if PostgresLocation.isPostgres(location) { return try PostgresStore(PostgresLocation(location)).applyBenchFixture() }
        return try SQLiteStore(path: location).applyBenchFixture()
    }
}
