import Foundation
import GRDB

/// docs/schema.md: the schema a new store has, read from its `sqlite_master`, for people to read.
/// The migrations are the schema's one source; this file is generated from them
/// (`scripts/schema-doc`) and a test fails while it differs from a new store.
public enum SchemaDocument {
    /// The command that rewrites docs/schema.md.
    public static let regenerate = "scripts/schema-doc"

    /// The document for a new store, made in a temporary folder and removed afterwards.
    public static func forNewStore() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path, create: true)
        return try store.pool.read(render)
    }

    /// Tables, indexes, triggers and views (each kind by name) with their SQL as SQLite keeps it;
    /// SQLite's own objects and the shadow tables of full-text indexes left out.
    static func render(_ db: Database) throws -> String {
        let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let shadows = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_list WHERE type = 'shadow'"))
        let objects = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name
            """)
        let statements = objects
            .filter { !shadows.contains($0["name"] as String) }
            .map { ($0["sql"] as String) + ";" }
        return """
            # Store schema

            Generated from a new store's `sqlite_master` by `\(regenerate)`: do not edit it by hand. The
            schema's one source is the numbered migrations in `Sources/RapportStore/Schema/Migrations/`,
            which every store runs (a new one all of them); after adding a migration, run `\(regenerate)`
            and commit this file with it (`SchemaTests` fails while it differs from a new store).

            `PRAGMA application_id = \(applicationID)`. Tables, then indexes, then triggers, each by name.

            ```sql
            \(statements.joined(separator: "\n\n"))
            ```

            """
    }
}
