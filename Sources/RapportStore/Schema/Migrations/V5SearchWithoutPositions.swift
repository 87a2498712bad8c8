import GRDB

/// Migration v5-search-without-positions: the full-text index without positions (DECISIONS.md, "A search index without positions").
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V5SearchWithoutPositions: StoreMigration {
    static let identifier = "v5-search-without-positions"

    static func migrate(_ db: Database) throws {
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
}
