import GRDB

/// Migration v3-mail: Maildir ingest and the outbox.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V3Mail: StoreMigration {
    static let identifier = "v3-mail"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- Every Maildir file an ingest run has handled, keyed by Maildir root + unique name,
            -- so a second run skips it without parsing, even after a mail client moved it to cur/.
            CREATE TABLE ingest_seen (
                seen_key TEXT PRIMARY KEY NOT NULL,
                path TEXT NOT NULL,
                dedup_key TEXT,
                message_id INTEGER REFERENCES message(id),
                outcome TEXT NOT NULL CHECK (outcome IN ('ingested','duplicate','unreadable')),
                reason TEXT,
                at REAL NOT NULL
            );
            CREATE INDEX ingest_seen_dedup ON ingest_seen(dedup_key);
            -- Replies waiting for, or past, delivery. The message row itself is in `message`.
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
                agent TEXT NOT NULL REFERENCES agent(login),
                to_address TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed')),
                error TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                queued REAL NOT NULL,
                updated REAL NOT NULL
            );
            CREATE INDEX outbox_state ON outbox(state, id);
            """)
    }
}
