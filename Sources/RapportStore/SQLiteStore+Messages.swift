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

    public func message(id: MessageRowID) throws -> Message? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id]).map(Message.init(row:))
        }
    }

    @discardableResult
    public func appendMessage(_ message: NewMessage) throws -> Message {
        try pool.write { db in try Self.appendMessage(db, message) }
    }

    @discardableResult
    public func addNote(conversation: ConversationID, agent: Agent, text: String, at: Date) throws -> Message {
        try pool.write { db in
            guard let c = try Self.conversation(db, id: conversation) else { throw RapportError.unknownConversation(conversation) }
            let note = try Self.appendMessage(db, NewMessage(conversationID: conversation, direction: .note, author: agent.login,
                                                             from: agent.email, subject: c.subject, text: text, date: at))
            try Self.deleteDraft(db, conversation: conversation, agent: agent.login)
            return note
        }
    }

    /// Inserts a message and keeps its conversation and customer in step, inside the caller's transaction.
    static func appendMessage(_ db: Database, _ m: NewMessage) throws -> Message {
        guard let customerID = try CustomerID.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM conversation WHERE id = ?"), arguments: [m.conversationID])
        else {
            throw RapportError.unknownConversation(m.conversationID)
        }
        let id = try insertMessage(db, m, customerID: customerID)
        // No trigger indexes a new message (v12): ingest fills the index per batch, this writer per message.
        try db.cachedStatement(sql: "INSERT INTO message_fts(rowid, subject, text) VALUES (?, ?, ?)")
            .execute(arguments: [id, m.subject, m.text])
        return try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id]).map(Message.init(row:))!
    }

    /// The write behind `appendMessage`, for a conversation known to exist and belong to `customerID`.
    /// Ingest calls it directly: cached statements and no read-back keep a million inserts cheap.
    /// It does not index the message for search: its caller does, in the same transaction
    /// (`appendMessage` at once, ingest once per batch).
    static func insertMessage(_ db: Database, _ m: NewMessage, customerID: CustomerID) throws -> MessageRowID {
        let at = m.date.timeIntervalSince1970
        try db.runDirect("""
            INSERT INTO message (conversation_id, direction, author, from_address, to_addresses, cc_addresses,
                                 reply_to_addresses, subject, text, message_id, in_reply_to, refs, date, attachments, source_path)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            """, .integer(m.conversationID), .text(m.direction.rawValue), .text(m.author), .text(m.from),
            .text(JSONColumn.encode(m.to)), .text(JSONColumn.encode(m.cc)), .text(JSONColumn.encode(m.replyTo)),
            .text(m.subject), .text(m.text), .text(m.messageID), .text(m.inReplyTo), .text(JSONColumn.encode(m.references)),
            .real(at), .text(JSONColumn.encode(m.attachments)), .text(m.sourcePath))
        let id = db.lastInsertedRowID
        switch m.direction {
        case .inbound:
            // The customer's turn is over: the status becomes `ConversationStatus.whenTheCustomerWrites`,
            // and a snooze ends (the customer writing wakes the conversation, see `Snoozes`).
            try db.runDirect("""
                UPDATE conversation SET message_count = message_count + 1,
                    last_activity = max(last_activity, ?1), last_inbound = max(COALESCE(last_inbound, 0), ?1),
                    status = ?2, snoozed_until = NULL
                WHERE id = ?3
                """, .real(at), .text(ConversationStatus.whenTheCustomerWrites.rawValue), .integer(m.conversationID))
        case .outbound:
            try db.runDirect("""
                UPDATE conversation SET message_count = message_count + 1, last_activity = max(last_activity, ?1)
                WHERE id = ?2
                """, .real(at), .integer(m.conversationID))
            // Once we have written to them, they are an existing customer (not on the word of a From line).
            if m.author != nil {
                try db.runDirect("UPDATE customer SET is_existing = 1 WHERE id = ?1 AND is_existing = 0", .integer(customerID))
            }
        case .note:
            try db.runDirect("UPDATE conversation SET message_count = message_count + 1 WHERE id = ?1", .integer(m.conversationID))
        }
        return id
    }
}

extension Message {
    init(row: Row) {
        self.init(id: row["id"], conversationID: row["conversation_id"],
                  direction: MessageDirection(rawValue: row["direction"]) ?? .inbound, author: row["author"],
                  from: row["from_address"], to: JSONColumn.decode(row["to_addresses"]) ?? [],
                  cc: JSONColumn.decode(row["cc_addresses"]) ?? [], replyTo: JSONColumn.decode(row["reply_to_addresses"]) ?? [],
                  subject: row["subject"], text: row["text"], messageID: row["message_id"],
                  inReplyTo: row["in_reply_to"], references: JSONColumn.decode(row["refs"]) ?? [],
                  date: Date(timeIntervalSince1970: row["date"]),
                  attachments: JSONColumn.decode(row["attachments"]) ?? [], sourcePath: row["source_path"])
    }
}

/// Small lists (addresses, references, attachments) are stored as JSON text columns.
enum JSONColumn {
    /// A JSON array of strings, written by hand: `JSONEncoder` costs more than the insert itself.
    static func encode(_ strings: [String]) -> String {
        guard !strings.isEmpty else { return "[]" }
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            appendQuoted(string, to: &out)
        }
        return out + "]"
    }

    /// Attachments as `[{"contentType":…,"filename":…,"size":…}]`, the keys `AttachmentInfo`'s Codable reads.
    static func encode(_ attachments: [AttachmentInfo]) -> String {
        guard !attachments.isEmpty else { return "[]" }
        var out = "["
        for (index, attachment) in attachments.enumerated() {
            if index > 0 { out += "," }
            out += "{\"contentType\":"
            appendQuoted(attachment.contentType, to: &out)
            if let filename = attachment.filename {
                out += ",\"filename\":"
                appendQuoted(filename, to: &out)
            }
            out += ",\"size\":\(attachment.size)}"
        }
        return out + "]"
    }

    private static func appendQuoted(_ string: String, to out: inout String) {
        out += "\""
        // Addresses, Message-IDs and file names almost never need an escape: appended whole
        // (scalar by scalar, the references of a long thread cost 8% of an ingest's writer).
        let needsEscape = string.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard needsEscape else {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Attachments; most messages have none, and `JSONDecoder` costs ~20 µs even for `[]`.
    static func decode(_ text: String?) -> [AttachmentInfo]? {
        guard let text else { return nil }
        if text == "[]" { return [] }
        return try? JSONDecoder().decode([AttachmentInfo].self, from: Data(text.utf8))
    }

    /// A JSON array of strings as `encode` writes it, read by hand (a thread of 30 messages decoded
    /// three lists each through `JSONDecoder`: ~2 ms of every open). Anything else goes to `JSONDecoder`.
    static func decode(_ text: String?) -> [String]? {
        guard let text else { return nil }
        return StringArrayReader.read(text) ?? (try? JSONDecoder().decode([String].self, from: Data(text.utf8)))
    }
}

/// Reads `["a","b\"c"]` (no spaces, the escapes `JSONColumn.encode` writes); nil for anything else.
private enum StringArrayReader {
    static func read(_ text: String) -> [String]? {
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "[" else { return nil }
        var result: [String] = []
        var next = scalars.next()
        if next == "]" { return scalars.next() == nil ? result : nil }
        while true {
            guard next == "\"" else { return nil }
            var value = String.UnicodeScalarView()
            while true {
                guard let scalar = scalars.next() else { return nil }
                if scalar == "\"" { break }
                guard scalar == "\\" else { value.append(scalar); continue }
                switch scalars.next() {
                case "\""?: value.append("\"")
                case "\\"?: value.append("\\")
                case "/"?: value.append("/")
                case "n"?: value.append("\n")
                case "r"?: value.append("\r")
                case "t"?: value.append("\t")
                default: return nil   // \u, \b, \f: rare, left to JSONDecoder
                }
            }
            result.append(String(value))
            switch scalars.next() {
            case ","?: next = scalars.next()
            case "]"?: return scalars.next() == nil ? result : nil
            default: return nil
            }
        }
    }
}
