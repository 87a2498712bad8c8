import Foundation
import RapportCore

extension PostgresStore: MailIngestStore {
    public func seenKeys(_ keys: [String]) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            Set(try db.rows("SELECT seen_key FROM ingest_seen WHERE seen_key = ANY($1)", [keys]).map { $0[0] as String })
        }
    }

    /// The batch in one transaction, planned and written a table at a time (`ingestPlanned`). A
    /// message the database refuses aborts that attempt; the batch is then written again one message
    /// at a time, each in its savepoint, so the refused message is reported by file and the rest of
    /// the batch is stored (as on SQLite). The commit does not wait for the WAL to reach the disk
    /// (`synchronous_commit = off`, this transaction only: SQLite's bulk `synchronous = NORMAL`): a
    /// crash may lose the last batches, never corrupt the store, and their seen records go with
    /// them, so the next run ingests them again.
    public func ingest(_ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome] {
        do {
            return try write { db in try Self.ingestPlanned(db, batch, rules: rules) }
        } catch let error where Self.connectionSurvives(error) {
            return try write { db in try Self.ingestOneByOne(db, batch, rules: rules) }
        }
    }

    /// The batch a message at a time, each in its savepoint, the rules asking the database as they go.
    static func ingestOneByOne(_ db: PostgresSession, _ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome] {
        try db.execute("SET LOCAL synchronous_commit = off")
        let facts = try BatchFacts(db)
        return try batch.map { item in
            switch item {
            case let .unreadable(seenKey, path, reason):
                try recordSeen(db, key: seenKey, path: path, dedup: nil, message: nil, outcome: "unreadable", reason: reason)
                return .failed(reason)
            case let .mail(mail):
                try db.execute("SAVEPOINT ingest_message")
                do {
                    let outcome = try ingest(db, mail, filing: rules.file(mail, facts: facts))
                    try db.execute("RELEASE SAVEPOINT ingest_message")
                    return outcome
                } catch {
                    try db.execute("ROLLBACK TO SAVEPOINT ingest_message")
                    try db.execute("RELEASE SAVEPOINT ingest_message")
                    let reason = "not stored: \(reason(error))"
                    try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil,
                                   outcome: "unreadable", reason: reason)
                    return .failed(reason)
                }
            }
        }
    }

    /// Writes what the rules decided for one message: its seen record, and for a message to store
    /// the customer and conversation to create (if new), the message itself.
    static func ingest(_ db: PostgresSession, _ mail: IncomingMail, filing: Filing) throws -> IngestOutcome {
        switch filing {
        case .duplicate:
            try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil, outcome: "duplicate", reason: nil)
            return .duplicate
        case let .refused(reason):
            try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil, outcome: "unreadable", reason: reason)
            return .failed(reason)
        case let .store(placement):
            let at = mail.date.timeIntervalSince1970
            let customerID = switch placement.customer {
            case let .existing(id): id
            case let .new(address, first, last, guessed):
                try insertCustomer(db, address: address, first: first, last: last, owner: nil, isExisting: false,
                                   guessed: guessed, at: at)
            }
            let conversationID = switch placement.conversation {
            case let .existing(id): id
            case let .new(subject, normalized):
                try insertConversation(db, customer: customerID, subject: subject, normalized: normalized, at: at)
            }
            let message = try insertMessage(db, NewMessage(
                conversationID: conversationID, direction: placement.direction, author: placement.author,
                from: mail.fromAddress, to: mail.to, cc: mail.cc, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, messageID: mail.messageID,
                inReplyTo: mail.inReplyTo, references: mail.references, date: mail.date, attachments: mail.attachments,
                sourcePath: mail.path), customerID: customerID)
            try recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: message, outcome: "ingested", reason: nil)
            return .ingested(message)
        }
    }

    static func recordSeen(_ db: PostgresSession, key: String, path: String, dedup: String?, message: MessageRowID?,
                           outcome: String, reason: String?) throws {
        try db.execute("""
            INSERT INTO ingest_seen (seen_key, path, dedup_key, message_id, outcome, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (seen_key) DO UPDATE SET path = excluded.path, outcome = excluded.outcome, reason = excluded.reason
            """, [key, path, dedup, message, outcome, reason, Date().timeIntervalSince1970])
    }

    /// Agent logins by normalised address, read once per batch (the batch holds the write lock).
    static func agentsByAddress(_ db: PostgresSession) throws -> [String: String] {
        agentLoginsByAddress(try db.rows("SELECT login, email FROM agent").map { ($0["login"], $0["email"]) })
    }

    /// The answers the ingest rules ask for, each read when asked, inside the batch's transaction.
    struct BatchFacts: IngestFacts {
        let db: PostgresSession
        let agents: [String: String]

        init(_ db: PostgresSession) throws {
            self.db = db
            agents = try PostgresStore.agentsByAddress(db)
        }

        func isStored(messageID: String) throws -> Bool {
            try db.value("SELECT EXISTS (SELECT 1 FROM message WHERE message_id = $1)", [messageID], as: Bool.self) == true
        }

        func isSeen(dedupKey: String) throws -> Bool {
            try db.value("SELECT EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = $1)", [dedupKey], as: Bool.self) == true
        }

        /// Both probes in one statement: one round trip to the server per message instead of two.
        func isStoredOrSeen(messageID: String?, dedupKey: String) throws -> Bool {
            try db.value("""
                SELECT EXISTS (SELECT 1 FROM message WHERE message_id = $1) OR EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = $2)
                """, [messageID, dedupKey], as: Bool.self) == true
        }

        func agent(at address: String) -> String? {
            agents[address]
        }

        func customer(at address: String) throws -> CustomerID? {
            try PostgresStore.customerID(db, address: address)
        }

        func conversation(of customer: CustomerID, holding messageID: String) throws -> ConversationID? {
            try db.value("""
                SELECT m.conversation_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.message_id = $1 AND c.customer_id = $2 LIMIT 1
                """, [messageID, customer])
        }

        func conversation(of customer: CustomerID, normalizedSubject: String,
                          activeIn activity: ClosedRange<TimeInterval>) throws -> ConversationID? {
            try db.value("""
                SELECT id FROM conversation
                WHERE customer_id = $1 AND normalized_subject = $2 AND last_activity BETWEEN $3 AND $4
                ORDER BY last_activity DESC LIMIT 1
                """, [customer, normalizedSubject, activity.lowerBound, activity.upperBound])
        }
    }
}

extension PostgresStore: IngestMaintenance {
    /// Nothing to merge: PostgreSQL's GIN index folds its pending list in by itself (autovacuum).
    public func ingestFinished(stored: Int) throws {}
}

extension PostgresStore: IngestFolderStamps {
    public func folderStamps(_ folders: [String]) throws -> [String: FolderStamp] {
        guard !folders.isEmpty else { return [:] }
        return try read { db in
            var stamps: [String: FolderStamp] = [:]
            for row in try db.rows("SELECT path, modified_ns, files FROM ingest_folder WHERE path = ANY($1)", [folders]) {
                stamps[row["path"]] = FolderStamp(modified: row["modified_ns"], files: row["files"])
            }
            return stamps
        }
    }

    public func recordFolderStamps(_ stamps: [String: FolderStamp]) throws {
        guard !stamps.isEmpty else { return }
        try write { db in
            for (path, stamp) in stamps {
                try db.execute("""
                    INSERT INTO ingest_folder (path, modified_ns, files) VALUES ($1, $2, $3)
                    ON CONFLICT (path) DO UPDATE SET modified_ns = excluded.modified_ns, files = excluded.files
                    """, [path, stamp.modified, stamp.files])
            }
        }
    }
}
