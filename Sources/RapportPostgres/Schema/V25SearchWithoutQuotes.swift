/// Migration v25-search-without-quotes: the search vector leaves out quoted lines — a line whose first
/// character other than a space or tab is `>` — as SQLite's `rapport_unquoted` tokenizer does
/// (DECISIONS.md, "The search index leaves out quoted lines"). The stored vector is computed again for
/// every message: dropped and added back with the new function, inline and indexed as before.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV25SearchWithoutQuotes: PostgresMigration {
    static let identifier = "v25-search-without-quotes"

    static let statements = [
        "DROP INDEX message_search",
        "ALTER TABLE message DROP COLUMN search_vector",
        // 'n': newline-sensitive, so ^ is any line's start and [^\n]* stops at its end.
        """
        CREATE OR REPLACE FUNCTION rapport_search_vector(subject text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN to_tsvector('pg_catalog.simple'::regconfig,
                           rapport_search_words(subject || ' ' || regexp_replace(body, '^[ \\t]*>[^\\n]*', '', 'gn')))
        """,
        "ALTER TABLE message ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (rapport_search_vector(subject, text)) STORED",
        "ALTER TABLE message ALTER COLUMN search_vector SET STORAGE MAIN",
        "CREATE INDEX message_search ON message USING gin (search_vector)",
    ]
}
