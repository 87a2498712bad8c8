import GRDB

/// Migration v25-search-without-quotes: the search index leaves out quoted lines, through the
/// `rapport_unquoted` tokenizer wrapping the same unicode61 settings (DECISIONS.md, "The search index
/// leaves out quoted lines"). The index is built again from the messages: on a store of a million
/// messages that takes about as long as a tenth of its first import. It also stops keeping each
/// message's token counts (columnsize=0).
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V25SearchWithoutQuotes: StoreMigration {
    static let identifier = "v25-search-without-quotes"

    static func migrate(_ db: Database) throws {
        // The update and delete triggers name the table, so they serve the new one as they did the old.
        // columnsize=0: no row of token counts per message, which only ranking (bm25) reads; search
        // orders by date.
        try db.execute(sql: """
            DROP TABLE message_fts_vocab;
            DROP TABLE message_fts;
            CREATE VIRTUAL TABLE message_fts USING fts5(
                subject, text, content='message', content_rowid='id',
                tokenize='rapport_unquoted unicode61 remove_diacritics 2', detail=none, columnsize=0
            );
            CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, instance);
            INSERT INTO message_fts(message_fts) VALUES ('rebuild');
            INSERT INTO message_fts(message_fts) VALUES ('optimize');
            """)
    }
}
