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
    ]

    /// The numbered migrations, each applied once and recorded in GRDB's `grdb_migrations`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    /// Brings the file to the current schema: a new store runs every migration, a store made
    /// before runs the ones it has not run yet.
    static func createOrMigrate(_ pool: DatabasePool) throws {
        try migrator.migrate(pool)
    }
}
