/// One numbered schema change of a PostgreSQL store. The list mirrors the SQLite store's
/// (Sources/RapportStore/Schema/Migrations, same identifiers, same tables and columns), written in
/// PostgreSQL's words: a change to one schema is made to the other under the same number.
protocol PostgresMigration {
    /// The name recorded in `rapport_migrations` once the migration ran (the SQLite identifier).
    static var identifier: String { get }
    /// Statements run in order inside the migrating transaction (one per entry: the extended
    /// protocol takes one statement at a time).
    static var statements: [String] { get }
}

extension PostgresStore {
    /// Every schema change since the first store, in order; add new ones at the end, never edit a shipped one.
    static let migrations: [any PostgresMigration.Type] = [
        PGV1Foundation.self,
        PGV2Workflows.self,
        PGV3Mail.self,
        PGV4Performance.self,
        PGV5SearchWithoutPositions.self,
        PGV6CoveringProfile.self,
        PGV7ChangeFeed.self,
        PGV8OutboxClaims.self,
        PGV9AddressesAndGuessedNames.self,
        PGV12SearchIndexByBatch.self,
        PGV14CoverWhileAway.self,
        PGV15SnoozeIndex.self,
        PGV16CustomerFullNameIndex.self,
        PGV17Presence.self,
        PGV18DatabaseRoles.self,
        PGV19ReplyAttachments.self,
        PGV20StoredSearchVector.self,
        PGV21ChangeLogByStatement.self,
        PGV22CustomerPrefixIndexes.self,
        PGV23SearchVectorInline.self,
        PGV25SearchWithoutQuotes.self,
    ]
}
