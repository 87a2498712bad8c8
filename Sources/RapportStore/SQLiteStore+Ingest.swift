import Foundation
import GRDB
import RapportCore

extension SQLiteStore: MailIngestStore {
    public func seenKeys(_ keys: [String]) throws -> Set<String> {
        try pool.read { db in
            var seen = Set<String>()
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let found = try String.fetchAll(db, sql: "SELECT seen_key FROM ingest_seen WHERE seen_key IN (\(marks))",
                                                arguments: StatementArguments(chunk))
                seen.formUnion(found)
            }
            return seen
        }
    }

    public func ingest(_ batch: [IngestItem], threadWindow: TimeInterval) throws -> [IngestOutcome] {
        try pool.write { db in
            let agents = try Dictionary(
                Row.fetchAll(db, sql: "SELECT login, email FROM agent").map { (EmailAddress.normalized($0["email"]), $0["login"] as String) },
                uniquingKeysWith: { first, _ in first })
            return try batch.map { item in
                switch item {
                case let .unreadable(seenKey, path, reason):
                    try Self.recordSeen(db, key: seenKey, path: path, dedup: nil, message: nil, outcome: "unreadable", reason: reason)
                    return .failed(reason)
                case let .mail(mail):
                    // A savepoint per message: a message the database refuses is reported, the batch goes on.
                    var outcome = IngestOutcome.duplicate
                    do {
                        try db.inSavepoint {
                            outcome = try Self.ingest(db, mail, agents: agents, threadWindow: threadWindow)
                            return .commit
                        }
                    } catch {
                        let reason = "not stored: \(error)"
                        try Self.recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil,
                                            outcome: "unreadable", reason: reason)
                        outcome = .failed(reason)
                    }
                    return outcome
                }
            }
        }
    }

    // MARK: - One message

    static func ingest(_ db: Database, _ mail: IncomingMail, agents: [String: String],
                       threadWindow: TimeInterval) throws -> IngestOutcome {
        if try isDuplicate(db, mail) {
            try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil, outcome: "duplicate", reason: nil)
            return .duplicate
        }
        let sender = EmailAddress.normalized(mail.fromAddress)
        let author = agents[sender]
        // Mail an agent sent is outbound, filed under the customer it went to.
        let customerAddress: String
        let customerName: String?
        if author != nil {
            guard let recipient = mail.to.map(EmailAddress.normalized).first(where: { agents[$0] == nil }) else {
                let reason = "sent by agent \(author!) to no customer address"
                try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil, outcome: "unreadable", reason: reason)
                return .failed(reason)
            }
            customerAddress = recipient
            customerName = nil
        } else {
            customerAddress = sender
            customerName = mail.fromName
        }
        let customerID = try findOrCreateCustomer(db, address: customerAddress, displayName: customerName, at: mail.date)
        let conversationID = try thread(db, mail, customer: customerID, window: threadWindow)
        let message = try appendMessage(db, NewMessage(
            conversationID: conversationID, direction: author != nil ? .outbound : .inbound, author: author,
            from: mail.fromAddress, to: mail.to, subject: mail.subject, text: mail.text, messageID: mail.messageID,
            inReplyTo: mail.inReplyTo, references: mail.references, date: mail.date, attachments: mail.attachments,
            sourcePath: mail.path))
        try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: message.id, outcome: "ingested", reason: nil)
        return .ingested(message.id)
    }

    /// Already stored: the same Message-ID in any message (ours or ingested), or the same file content.
    static func isDuplicate(_ db: Database, _ mail: IncomingMail) throws -> Bool {
        if let id = mail.messageID,
           try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message WHERE message_id = ?)", arguments: [id]) == true {
            return true
        }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = ?)",
                                 arguments: [mail.dedupKey]) == true
    }

    /// The customer who owns the address, or a new one: unassigned, not existing, named from the email.
    static func findOrCreateCustomer(_ db: Database, address: String, displayName: String?, at date: Date) throws -> CustomerID {
        if let id = try CustomerID.fetchOne(db, sql: "SELECT customer_id FROM customer_address WHERE address = ?", arguments: [address]) {
            return id
        }
        let name = PersonName.guess(displayName: displayName, address: address)
        try db.execute(sql: "INSERT INTO customer (first_name, last_name, owner, created, is_existing) VALUES (?, ?, NULL, ?, 0)",
                       arguments: [name.first, name.last, date.timeIntervalSince1970])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO customer_address (address, customer_id, position) VALUES (?, ?, 0)", arguments: [address, id])
        return id
    }

    /// In-Reply-To and References first (most recent first), then the same customer with the same
    /// normalised subject active within the window of this message's date, else a new conversation.
    static func thread(_ db: Database, _ mail: IncomingMail, customer: CustomerID, window: TimeInterval) throws -> ConversationID {
        var seen = Set<String>()
        let references = ([mail.inReplyTo].compactMap { $0 } + mail.references.reversed()).filter { seen.insert($0).inserted }
        for reference in references.prefix(50) {
            if let id = try ConversationID.fetchOne(db, sql: """
                SELECT m.conversation_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.message_id = ? AND c.customer_id = ? LIMIT 1
                """, arguments: [reference, customer]) {
                return id
            }
        }
        let subject = mail.subject.isEmpty ? "(no subject)" : mail.subject
        let normalized = Subject.normalized(subject)
        let at = mail.date.timeIntervalSince1970
        if let id = try ConversationID.fetchOne(db, sql: """
            SELECT id FROM conversation
            WHERE customer_id = ? AND normalized_subject = ? AND last_activity BETWEEN ? AND ?
            ORDER BY last_activity DESC LIMIT 1
            """, arguments: [customer, normalized, at - window, at + window]) {
            return id
        }
        return try startConversation(db, customer: customer, subject: subject, at: mail.date).id
    }

    static func recordSeen(_ db: Database, key: String, path: String, dedup: String?, message: MessageID?,
                           outcome: String, reason: String?) throws {
        try db.execute(sql: """
            INSERT INTO ingest_seen (seen_key, path, dedup_key, message_id, outcome, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (seen_key) DO UPDATE SET path = excluded.path, outcome = excluded.outcome, reason = excluded.reason
            """, arguments: [key, path, dedup, message, outcome, reason, Date().timeIntervalSince1970])
    }
}
