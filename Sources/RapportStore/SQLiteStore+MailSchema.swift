import Foundation
import GRDB

extension SQLiteStore {
    /// Tables for Maildir ingest and the outbox, registered after the lead's migrations.
    static func registerMailMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-mail") { db in
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
}
