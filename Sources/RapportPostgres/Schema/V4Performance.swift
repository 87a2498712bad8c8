/// Migration v4-performance (as SQLite's, less its FTS5 vocabulary table): indexes, and the Maildir
/// folders as a complete ingest run left them.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV4Performance: PostgresMigration {
    static let identifier = "v4-performance"

    static let statements = [
        "CREATE INDEX customer_referral_thanks ON customer(referral_thanks_conversation) WHERE referral_thanks_conversation IS NOT NULL",
        "CREATE INDEX message_id_conversation ON message(id, conversation_id)",
        "CREATE INDEX conversation_customer_status ON conversation(customer_id, status, message_count)",
        """
        CREATE TABLE ingest_folder (
            path text PRIMARY KEY NOT NULL,
            modified_ns bigint NOT NULL,
            files integer NOT NULL
        )
        """,
    ]
}
