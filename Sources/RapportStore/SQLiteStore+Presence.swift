import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func recordPresence(_ mark: PresenceMark) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO presence (agent, conversation_id, activity, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (agent) DO UPDATE SET conversation_id = excluded.conversation_id,
                    activity = excluded.activity, at = excluded.at
                """, arguments: [mark.agent, mark.conversationID, mark.activity.rawValue, mark.at.timeIntervalSince1970])
        }
    }

    public func clearPresence(agent: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM presence WHERE agent = ?", arguments: [agent]) }
    }

    public func presence(since: Date) throws -> [PresenceMark] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM presence WHERE at >= ? ORDER BY agent",
                             arguments: [since.timeIntervalSince1970]).compactMap { row in
                guard let activity = PresenceActivity(rawValue: row["activity"]) else { return nil }
                return PresenceMark(agent: row["agent"], conversationID: row["conversation_id"], activity: activity,
                                    at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }
}
