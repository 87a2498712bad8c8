/// Migration v12-search-index-by-batch: on SQLite a trigger that indexed each new message was
/// dropped (ingest fills the FTS5 index once per batch). PostgreSQL's GIN index is over an expression
/// of the row, kept by the server itself, with no trigger: nothing to change; the number stays taken
/// so both stores count their migrations alike (v10 and v11 are taken by neither).
enum PGV12SearchIndexByBatch: PostgresMigration {
    static let identifier = "v12-search-index-by-batch"
    static let statements: [String] = []
}
