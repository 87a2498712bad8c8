import Foundation
import RapportCore

/// The change feed: triggers (Schema/V7ChangeFeed.swift) append every write to `change_log` with the
/// writing instance's origin. Writers queue behind the store's write lock, so sequences commit in
/// order and a reader that moves past a sequence can never later find a smaller one committed.
extension PostgresStore: ChangeFeed {
    /// Counts the notifications of `LISTEN rapport_changes` on a connection of its own
    /// (`PostgresChangeListener`): polling it costs no round trip to the server; it moves when a
    /// commit's notification arrives, and when the listening connection is made again.
    public func changeToken() throws -> Int {
        try listener.currentToken()
    }

    public func latestChange() throws -> Int64 {
        try read { db in try db.value("SELECT max(seq) FROM change_log", as: Int64.self) ?? 0 }
    }

    /// Sequences have gaps (a rolled-back transaction keeps its numbers), so completeness is read from
    /// how far the log was pruned rather than from its oldest row.
    ///
    ///     SELECT seq, origin, entity, entity_id FROM change_log WHERE seq > $1 ORDER BY seq
    public func changes(since sequence: Int64) throws -> StoreChanges {
        try read { db in
            let changes = try db.rows("SELECT seq, origin, entity, entity_id FROM change_log WHERE seq > $1 ORDER BY seq",
                                      [sequence]).map { row in
                StoreChange(sequence: row[0], origin: row[1], entity: StoreEntity(rawValue: row[2]), entityID: row[3])
            }
            let pruned = try db.value("SELECT through FROM change_log_pruned", as: Int64.self) ?? 0
            let latest = try db.value("SELECT max(seq) FROM change_log", as: Int64.self) ?? 0
            return StoreChanges(changes: changes, isComplete: pruned <= sequence || sequence >= latest,
                                latest: max(latest, sequence))
        }
    }
}
