import Foundation
import GRDB

extension SQLiteStore {
    /// Every schema change since the first store, in order. Add new ones at the end (and the same
    /// change to `CurrentSchema`); never edit a shipped one.
    static let migrations: [any StoreMigration.Type] = [
        V1Foundation.self,
        V2Workflows.self,
        V3Mail.self,
        V4Performance.self,
        V5SearchWithoutPositions.self,
        V6CoveringProfile.self,
        V7ChangeFeed.self,
        V8OutboxClaims.self,
    ]

    /// The numbered migrations, for a store made before the latest one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// Brings the file to the current schema: an empty database gets `CurrentSchema` in one
    /// transaction and every migration recorded as applied; a store made before runs the
    /// migrations it has not run yet.
    ///
    ///     CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
    ///     INSERT INTO grdb_migrations (identifier) VALUES (?);  -- for each migration
    static func createOrMigrate(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard objects == 0 else { return .commit }
                try CurrentSchema.create(db)
                // The table GRDB's DatabaseMigrator keeps, as it creates it.
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in migrations {
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)",
                                   arguments: [migration.identifier])
                }
                return .commit
            }
        }
        try migrator.migrate(pool)
    }
}
