import Foundation
import RapportCore

/// Snoozes: `conversation.snoozed_until` set means the conversation is out of the views until it wakes.
extension PostgresStore {
    public func setSnooze(conversation: ConversationID, until: Date?) throws {
        try write { db in
            let changed = try db.execute("UPDATE conversation SET snoozed_until = $1 WHERE id = $2",
                                         [until?.timeIntervalSince1970, conversation]).changes
            if changed == 0 { throw RapportError.unknownConversation(conversation) }
        }
    }

    public func snoozedConversations() throws -> [Conversation] {
        try read { db in
            try db.rows("SELECT * FROM conversation WHERE snoozed_until IS NOT NULL ORDER BY snoozed_until, id")
                .map(Conversation.init(row:))
        }
    }

    public func wakeConversation(_ id: ConversationID, at: Date) throws -> Bool {
        try write { db in
            let changed = try db.execute("""
                UPDATE conversation SET snoozed_until = NULL, status = 'open', last_activity = greatest(last_activity, $1)
                WHERE id = $2 AND snoozed_until IS NOT NULL AND snoozed_until <= $1
                """, [at.timeIntervalSince1970, id]).changes
            guard changed > 0 else { return false }
            try db.execute("DELETE FROM conversation_seen WHERE conversation_id = $1", [id])
            return true
        }
    }
}
