/// Migration v6-covering-profile (as SQLite's): the sidebar's figures read from the index alone.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV6CoveringProfile: PostgresMigration {
    static let identifier = "v6-covering-profile"

    static let statements = [
        "DROP INDEX message_conversation",
        "CREATE INDEX message_conversation ON message(conversation_id, date, id) INCLUDE (direction, author)",
    ]
}
