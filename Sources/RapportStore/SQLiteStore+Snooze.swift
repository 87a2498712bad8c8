import Foundation
import GRDB
import RapportCore

/// Snoozes: `conversation.snoozed_until` set means the conversation is out of the views until it wakes.
extension SQLiteStore {
    public func setSnooze(conversation: ConversationID, until: Date?) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE conversation SET snoozed_until = ? WHERE id = ?",
                           arguments: [until?.timeIntervalSince1970, conversation])
            if db.changesCount == 0 { throw RapportError.unknownConversation(conversation) }
        }
    }

    public func snoozedConversations() throws -> [Conversation] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM conversation WHERE snoozed_until IS NOT NULL ORDER BY snoozed_until, id
                """).map(Conversation.init(row:))
        }
    }

    public func wakeConversation(_ id: ConversationID, at: Date) throws -> Bool {
        try pool.write { db in
            let at = at.timeIntervalSince1970
            try db.execute(sql: """
                UPDATE conversation SET snoozed_until = NULL, status = 'open', last_activity = max(last_activity, ?)
                WHERE id = ? AND snoozed_until IS NOT NULL AND snoozed_until <= ?
                """, arguments: [at, id, at])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "DELETE FROM conversation_seen WHERE conversation_id = ?", arguments: [id])
            return true
        }
    }
}
