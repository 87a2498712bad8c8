import GRDB

/// One numbered schema change, applied once to a store made before it (see `SQLiteStore.migrations`).
protocol StoreMigration {
    /// The name GRDB records in `grdb_migrations` once the migration ran.
    static var identifier: String { get }
    static func migrate(_ db: Database) throws
}
