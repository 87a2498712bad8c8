/// Migration v5-search-without-positions: on SQLite the full-text index was rebuilt without word
/// positions. A GIN index over a tsvector keeps no positions already, so PostgreSQL has nothing to
/// change; the number stays taken so both stores count their migrations alike.
enum PGV5SearchWithoutPositions: PostgresMigration {
    static let identifier = "v5-search-without-positions"
    static let statements: [String] = []
}
