import GRDB

/// Migration v15-snooze-index: the snoozed conversations (`snoozed_until`, a column since v1) are
/// found from a partial index holding only them, so the inbox's look for snoozes that are due reads
/// a handful of rows instead of every conversation.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V15SnoozeIndex: StoreMigration {
    static let identifier = "v15-snooze-index"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX conversation_snoozed ON conversation(snoozed_until, id) WHERE snoozed_until IS NOT NULL;
            """)
    }
}
