import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func messages(conversation: ConversationID) throws -> [Message] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM message WHERE conversation_id = ? ORDER BY date, id",
                             arguments: [conversation]).map(Message.init(row:))
        }
    }

    public func appendMessage(_ message: NewMessage) throws -> Message {
        try pool.write { db in try Self.appendMessage(db, message) }
    }

    /// Inserts a message and keeps its conversation and customer in step, inside the caller's transaction.
    static func appendMessage(_ db: Database, _ m: NewMessage) throws -> Message {
        guard let conversation = try conversation(db, id: m.conversationID) else {
            throw RapportError.unknownConversation(m.conversationID)
        }
        try db.execute(sql: """
            INSERT INTO message (conversation_id, direction, author, from_address, to_addresses, subject, text,
                                 message_id, in_reply_to, refs, date, attachments, source_path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [m.conversationID, m.direction.rawValue, m.author, m.from, JSONColumn.encode(m.to),
                             m.subject, m.text, m.messageID, m.inReplyTo, JSONColumn.encode(m.references),
                             m.date.timeIntervalSince1970, JSONColumn.encode(m.attachments), m.sourcePath])
        let id = db.lastInsertedRowID
        let at = m.date.timeIntervalSince1970
        switch m.direction {
        case .inbound:
            // A customer writing again reopens the conversation for their owner.
            try db.execute(sql: """
                UPDATE conversation SET message_count = message_count + 1,
                    last_activity = max(last_activity, :at), last_inbound = max(COALESCE(last_inbound, 0), :at),
                    status = CASE WHEN status = 'closed' THEN 'open' ELSE status END
                WHERE id = :id
                """, arguments: ["at": at, "id": conversation.id])
        case .outbound:
            try db.execute(sql: """
                UPDATE conversation SET message_count = message_count + 1, last_activity = max(last_activity, ?)
                WHERE id = ?
                """, arguments: [at, conversation.id])
            // Once we have written to them, they are an existing customer.
            try db.execute(sql: "UPDATE customer SET is_existing = 1 WHERE id = ?", arguments: [conversation.customerID])
            // Sending in a heads-up or thank-you conversation is what "told" and "thanked" mean.
            try db.execute(sql: "UPDATE headsup_event SET told = ? WHERE conversation_id = ? AND told IS NULL",
                           arguments: [at, conversation.id])
            try db.execute(sql: """
                UPDATE customer SET referral_thanked = ? WHERE referral_thanks_conversation = ? AND referral_thanked IS NULL
                """, arguments: [at, conversation.id])
        case .note:
            try db.execute(sql: "UPDATE conversation SET message_count = message_count + 1 WHERE id = ?",
                           arguments: [conversation.id])
        }
        return try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id]).map(Message.init(row:))!
    }
}

extension Message {
    init(row: Row) {
        self.init(id: row["id"], conversationID: row["conversation_id"],
                  direction: MessageDirection(rawValue: row["direction"]) ?? .inbound, author: row["author"],
                  from: row["from_address"], to: JSONColumn.decode(row["to_addresses"]) ?? [],
                  subject: row["subject"], text: row["text"], messageID: row["message_id"],
                  inReplyTo: row["in_reply_to"], references: JSONColumn.decode(row["refs"]) ?? [],
                  date: Date(timeIntervalSince1970: row["date"]),
                  attachments: JSONColumn.decode(row["attachments"]) ?? [], sourcePath: row["source_path"])
    }
}

/// Small lists (addresses, references, attachments) are stored as JSON text columns.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? "[]"
    }

    static func decode<T: Decodable>(_ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
