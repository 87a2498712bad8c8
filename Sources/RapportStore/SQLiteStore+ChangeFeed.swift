import Foundation
import GRDB
import RapportCore

/// The change feed: triggers (Schema/Migrations/V7ChangeFeed.swift) append every write to
/// `change_log` with the writing instance's `origin`; these read it back.
extension SQLiteStore: ChangeFeed {
    /// `PRAGMA data_version` of a dedicated connection: it changes whenever any other
    /// connection (another process, or this one's pool) commits. A pool hands out different
    /// reader connections, which would make the number meaningless, hence the queue of its own.
    ///
    ///     PRAGMA data_version
    public func changeToken() throws -> Int {
        pollLock.lock()
        defer { pollLock.unlock() }
        if poller == nil {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(1)
            poller = try DatabaseQueue(path: path, configuration: config)
        }
        return try poller!.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    ///     SELECT max(seq) FROM change_log
    public func latestChange() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_log") ?? 0 }
    }

    /// Sequences are contiguous (AUTOINCREMENT is rolled back with its transaction), so the log is
    /// complete after `sequence` when its oldest row is at most `sequence + 1`.
    ///
    ///     SELECT seq, origin, entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq
    ///     SELECT min(seq), max(seq) FROM change_log
    public func changes(since sequence: Int64) throws -> StoreChanges {
        try pool.read { db in
            let changes = try Row.fetchAll(db, sql: """
                SELECT seq, origin, entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq
                """, arguments: [sequence]).map { row in
                StoreChange(sequence: row[0], origin: row[1], entity: StoreEntity(rawValue: row[2]), entityID: row[3])
            }
            let bounds = try Row.fetchOne(db, sql: "SELECT min(seq), max(seq) FROM change_log")
            let oldest: Int64? = bounds?[0]
            let latest: Int64 = bounds?[1] ?? 0
            let complete = oldest.map { $0 <= sequence + 1 } ?? true
            return StoreChanges(changes: changes, isComplete: complete || sequence >= latest,
                                latest: max(latest, sequence))
        }
    }
}
