/// Migration v15-snooze-index (as SQLite's): the snoozed conversations (`snoozed_until`, a column
/// since v1) are found from a partial index holding only them, so the inbox's look for snoozes that
/// are due reads a handful of rows instead of every conversation.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV15SnoozeIndex: PostgresMigration {
    static let identifier = "v15-snooze-index"

    static let statements = [
        "CREATE INDEX conversation_snoozed ON conversation (snoozed_until, id) WHERE snoozed_until IS NOT NULL",
    ]
}
