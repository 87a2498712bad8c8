/// Migration v23-search-vector-inline (PostgreSQL only): a message's search vector is kept in the
/// message's row (compressed if need be) instead of moved out to the TOAST table. A filtered search
/// walks the owner's newest conversations and tests their messages' vectors; out of line, each test
/// read ~22 pages (the vectors average 1.9 KB, most over the 2 KB threshold), in line ~8. At 100k
/// messages search with owner + status went from p95 32 ms to 25 ms on the same data (BENCHMARKS.md).
/// Rows written before keep their vector where it is until they are next rewritten.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV23SearchVectorInline: PostgresMigration {
    static let identifier = "v23-search-vector-inline"

    static let statements = [
        "ALTER TABLE message ALTER COLUMN search_vector SET STORAGE MAIN",
    ]
}
