import Foundation
import GRDB

extension SQLiteStore {
    /// Every schema change since the first store, in order: the one source of the schema. Add new
    /// ones at the end and regenerate docs/schema.md (`scripts/schema-doc`); never edit a shipped one.
    static let migrations: [any StoreMigration.Type] = [
        V1Foundation.self,
        V2Workflows.self,
        V3Mail.self,
        V4Performance.self,
        V5SearchWithoutPositions.self,
        V6CoveringProfile.self,
        V7ChangeFeed.self,
        V8OutboxClaims.self,
        V9AddressesAndGuessedNames.self,
        V12SearchIndexByBatch.self,
        V14CoverWhileAway.self,
        V15SnoozeIndex.self,
        V16CustomerFullNameIndex.self,
        V17Presence.self,
        V19ReplyAttachments.self,
        V25SearchWithoutQuotes.self,
        V26CustomerNamePrefixIndexes.self,
    ]

    /// The numbered migrations, each applied once and recorded in GRDB's `grdb_migrations`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// Brings the file to the current schema: an empty database runs every migration in one
    /// exclusive transaction (so a second process opening it at the same time finds either nothing
    /// or the whole store, never half of it) and records each as applied in GRDB's table; a store
    /// made before runs, through GRDB's migrator, the migrations it has not run yet.
    ///
    ///     CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
    ///     INSERT INTO grdb_migrations (identifier) VALUES (?);  -- after each migration
    static func createOrMigrate(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.exclusive) {
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard objects == 0 else { return .commit }
                // The table GRDB's DatabaseMigrator keeps, as it creates it.
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in migrations {
                    try migration.migrate(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)",
                                   arguments: [migration.identifier])
                }
                return .commit
            }
        }
        try migrator.migrate(pool)
    }
}
