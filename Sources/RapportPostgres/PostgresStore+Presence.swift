import Foundation
import RapportCore

extension PostgresStore {
    public func recordPresence(_ mark: PresenceMark) throws {
        try writeOutsideTheLock { db in
            try db.execute("""
                INSERT INTO presence (agent, conversation_id, activity, at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (agent) DO UPDATE SET conversation_id = excluded.conversation_id,
                    activity = excluded.activity, at = excluded.at
                """, [mark.agent, mark.conversationID, mark.activity.rawValue, mark.at.timeIntervalSince1970])
        }
    }

    public func clearPresence(agent: String) throws {
        try writeOutsideTheLock { db in try db.execute("DELETE FROM presence WHERE agent = $1", [agent]) }
    }

    public func presence(since: Date) throws -> [PresenceMark] {
        try read { db in
            try db.rows("SELECT * FROM presence WHERE at >= $1 ORDER BY agent", [since.timeIntervalSince1970]).compactMap { row in
                guard let activity = PresenceActivity(rawValue: row["activity"]) else { return nil }
                return PresenceMark(agent: row["agent"], conversationID: row["conversation_id"], activity: activity,
                                    at: row.date("at"))
            }
        }
    }
}
