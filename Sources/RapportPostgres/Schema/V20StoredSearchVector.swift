/// Migration v20-stored-search-vector (PostgreSQL only): the search vector becomes a stored generated
/// column with the GIN index over it, instead of an index over the expression. With the expression,
/// a plan that walks the newest conversations and tests their messages (what the planner picks for a
/// page of 50) computed `rapport_search_vector` — the words cut by regular expressions, `unaccent` —
/// for every message it looked at, ~0.3 ms each: a search for rare words took up to a second at 100k
/// messages. Stored, the test is a comparison. Ingest computes the vector once per message, as before.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV20StoredSearchVector: PostgresMigration {
    static let identifier = "v20-stored-search-vector"

    static let statements = [
        "ALTER TABLE message ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (rapport_search_vector(subject, text)) STORED",
        "DROP INDEX message_search",
        "CREATE INDEX message_search ON message USING gin (search_vector)",
    ]
}
