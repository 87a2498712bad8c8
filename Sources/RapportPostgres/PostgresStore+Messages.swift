import Foundation
import RapportCore

extension PostgresStore {
    public func messages(conversation: ConversationID) throws -> [Message] {
        try readStatement { db in
            try db.rows("SELECT \(Message.columns) FROM message WHERE conversation_id = $1 ORDER BY date, id", [conversation])
                .map(Message.init(row:))
        }
    }

    public func message(id: MessageRowID) throws -> Message? {
        try readStatement { db in try db.row("SELECT \(Message.columns) FROM message WHERE id = $1", [id]).map(Message.init(row:)) }
    }

    @discardableResult
    public func appendMessage(_ message: NewMessage) throws -> Message {
        try write { db in try Self.appendMessage(db, message) }
    }

    @discardableResult
    public func addNote(conversation: ConversationID, agent: Agent, text: String, at: Date) throws -> Message {
        try write { db in
            guard let c = try Self.conversation(db, id: conversation) else { throw RapportError.unknownConversation(conversation) }
            let note = try Self.appendMessage(db, NewMessage(conversationID: conversation, direction: .note, author: agent.login,
                                                             from: agent.email, subject: c.subject, text: text, date: at))
            try Self.deleteDraft(db, conversation: conversation, agent: agent.login)
            return note
        }
    }

    /// Inserts a message and keeps its conversation and customer in step, inside the caller's transaction.
    static func appendMessage(_ db: PostgresSession, _ m: NewMessage) throws -> Message {
        guard let customerID = try db.value("SELECT customer_id FROM conversation WHERE id = $1", [m.conversationID],
                                            as: CustomerID.self) else {
            throw RapportError.unknownConversation(m.conversationID)
        }
        let id = try insertMessage(db, m, customerID: customerID)
        return try db.row("SELECT \(Message.columns) FROM message WHERE id = $1", [id]).map(Message.init(row:))!
    }

    /// The write behind `appendMessage`, for a conversation known to exist and belong to `customerID`.
    /// The message and what it changes in its conversation (and customer) in one statement, with
    /// data-modifying CTEs: one round trip to the server instead of two or three (ingest writes
    /// thousands of these a second).
    static func insertMessage(_ db: PostgresSession, _ m: NewMessage, customerID: CustomerID) throws -> MessageRowID {
        // $16 is the message's date, $17 the customer: the conversation's and customer's updates use them.
        let effects = switch m.direction {
        case .inbound:
            // The customer's turn is over: the status becomes `ConversationStatus.whenTheCustomerWrites`,
            // and a snooze ends (the customer writing wakes the conversation, see `Snoozes`).
            """
            UPDATE conversation SET message_count = message_count + 1,
                last_activity = greatest(last_activity, $16), last_inbound = greatest(COALESCE(last_inbound, 0), $16),
                status = '\(ConversationStatus.whenTheCustomerWrites.rawValue)', snoozed_until = NULL
            WHERE id = $1
            """
        case .outbound:
            // Once we have written to them, they are an existing customer (not on the word of a From line).
            """
            UPDATE conversation SET message_count = message_count + 1, last_activity = greatest(last_activity, $16)
            WHERE id = $1), existing AS (
            UPDATE customer SET is_existing = true WHERE id = $17 AND NOT is_existing AND $3::text IS NOT NULL
            """
        case .note:
            "UPDATE conversation SET message_count = message_count + 1 WHERE id = $1"
        }
        return try db.value("""
            WITH inserted AS (
            INSERT INTO message (conversation_id, direction, author, from_address, to_addresses, cc_addresses,
                                 reply_to_addresses, subject, text, message_id, in_reply_to, refs, date, attachments, source_path)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
            ), conversation_changed AS (\(effects))
            SELECT id FROM inserted
            """, [m.conversationID, m.direction.rawValue, m.author, m.from, JSONText.encode(m.to),
                  JSONText.encode(m.cc), JSONText.encode(m.replyTo), m.subject, m.text, m.messageID, m.inReplyTo, JSONText.encode(m.references),
                  m.date.timeIntervalSince1970, JSONText.encode(m.attachments), m.sourcePath, m.date.timeIntervalSince1970, customerID])!
    }
}

extension Message {
    /// The columns a `Message` is read from (not the stored search vector, which only search reads).
    static let columns = """
        id, conversation_id, direction, author, from_address, to_addresses, cc_addresses, reply_to_addresses, subject, text,
        message_id, in_reply_to, refs, date, attachments, source_path
        """
    static func columns(of table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }

    init(row: SQLRow) {
        self.init(id: row["id"], conversationID: row["conversation_id"],
                  direction: MessageDirection(rawValue: row["direction"]) ?? .inbound, author: row["author"],
                  from: row["from_address"], to: JSONText.decode(row["to_addresses"]),
                  cc: JSONText.decode(row["cc_addresses"]), replyTo: JSONText.decode(row["reply_to_addresses"]),
                  subject: row["subject"], text: row["text"], messageID: row["message_id"],
                  inReplyTo: row["in_reply_to"], references: JSONText.decode(row["refs"]),
                  date: row.date("date"), attachments: JSONText.decode(row["attachments"]), sourcePath: row["source_path"])
    }
}

/// Small lists (addresses, references, attachments) are JSON text columns, as in the SQLite store,
/// so a store copies across as it is.
enum JSONText {
    static func encode<T: Encodable>(_ value: [T]) -> String {
        guard !value.isEmpty, let data = try? JSONEncoder().encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String) -> [T] {
        guard text != "[]" else { return [] }
        return (try? JSONDecoder().decode([T].self, from: Data(text.utf8))) ?? []
    }
}
