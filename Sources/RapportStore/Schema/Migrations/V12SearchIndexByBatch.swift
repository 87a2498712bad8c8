import GRDB

/// Migration v12-search-index-by-batch: a new message is no longer indexed by an `AFTER INSERT`
/// trigger. Ingest fills the index once per batch (one FTS5 segment per batch instead of one per
/// message), and `SQLiteStore.appendMessage`, the only other writer of new messages, indexes its
/// message itself in the same transaction. Updates and deletes keep their triggers.
/// (DECISIONS.md, "The search index is filled once per ingest batch".)
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V12SearchIndexByBatch: StoreMigration {
    static let identifier = "v12-search-index-by-batch"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER message_fts_insert")
    }
}
