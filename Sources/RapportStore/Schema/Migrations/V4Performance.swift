import GRDB

/// Migration v4-performance: indexes found missing or too costly by the benchmark (scripts/bench).
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V4Performance: StoreMigration {
    static let identifier = "v4-performance"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- Every outbound message marks a thank-you conversation as sent: without this index that
            -- UPDATE scanned the whole customer table once per ingested agent reply.
            CREATE INDEX customer_referral_thanks ON customer(referral_thanks_conversation)
                WHERE referral_thanks_conversation IS NOT NULL;
            -- Search maps matching message ids to conversations: this narrow index answers that
            -- without reading message rows (about 5 KB each with their text), 5x faster warm.
            CREATE INDEX message_id_conversation ON message(id, conversation_id);
            -- The status bar's counts per owner read only this index (customer → conversations).
            CREATE INDEX conversation_customer_status ON conversation(customer_id, status, message_count);
            -- The index's words: search completes the last word typed from them and so avoids FTS5
            -- prefix queries, which merge every matching document list first. The 'instance' kind
            -- seeks to a word without counting its documents (the 'row' kind reads the whole list).
            CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, instance);
            -- Maildir folders as a complete ingest run left them: an unchanged folder is not listed again.
            CREATE TABLE ingest_folder (
                path TEXT PRIMARY KEY NOT NULL,
                modified_ns INTEGER NOT NULL,
                files INTEGER NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}
