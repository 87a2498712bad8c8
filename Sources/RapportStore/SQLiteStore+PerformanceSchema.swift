import Foundation
import GRDB

extension SQLiteStore {
    /// Indexes found missing or too costly by the benchmark (scripts/bench), registered after every other migration.
    static func registerPerformanceMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-performance") { db in
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
        migrator.registerMigration("v5-search-without-positions") { db in
            // The index keeps which messages hold a word, not where (detail=none): searches are "every
            // word, the last as a prefix", which never needs positions, and building the index without
            // them is twice as fast and a third of the size (DECISIONS.md, "A search index without positions").
            try db.execute(sql: """
                DROP TRIGGER message_fts_insert;
                DROP TRIGGER message_fts_delete;
                DROP TRIGGER message_fts_update;
                DROP TABLE message_fts_vocab;
                DROP TABLE message_fts;
                CREATE VIRTUAL TABLE message_fts USING fts5(
                    subject, text, content='message', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2', detail=none
                );
                CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
                    INSERT INTO message_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text);
                END;
                CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
                    INSERT INTO message_fts(message_fts, rowid, subject, text) VALUES ('delete', old.id, old.subject, old.text);
                END;
                CREATE TRIGGER message_fts_update AFTER UPDATE OF subject, text ON message BEGIN
                    INSERT INTO message_fts(message_fts, rowid, subject, text) VALUES ('delete', old.id, old.subject, old.text);
                    INSERT INTO message_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text);
                END;
                CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, instance);
                INSERT INTO message_fts(message_fts) VALUES ('rebuild');
                -- A rebuild leaves many segments; a search seeks in each (5x slower at 100k messages).
                INSERT INTO message_fts(message_fts) VALUES ('optimize');
                """)
        }
        migrator.registerMigration("v6-covering-profile") { db in
            // The sidebar's figures (last contact, last written, who wrote our messages) read every message
            // of the customer. `date` comes after the text in a row, so each read went through the text's
            // overflow pages: 3 ms warm, 70 ms cold for a customer with 400 messages at 1M. The index now
            // holds what those queries need.
            try db.execute(sql: """
                DROP INDEX message_conversation;
                CREATE INDEX message_conversation ON message(conversation_id, date, id, direction, author);
                """)
        }
    }
}
