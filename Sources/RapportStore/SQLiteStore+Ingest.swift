import Foundation
import GRDB
import RapportCore
import SQLiteSwitches

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

    /// The batch in one transaction without a savepoint per message (a savepoint makes FTS5 flush
    /// and SQLite keep a statement journal). A message the database refuses aborts that attempt: the
    /// batch is then written again one message at a time, each in its savepoint, so the refused
    /// message is reported by file and the rest of the batch is stored.
    public func ingest(_ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome] {
        try pool.writeWithoutTransaction { db in
            try Self.withoutTriggers(db) {
                try Self.withBulkWriteSettings(db) { try Self.writeBatch(db, batch, rules: rules) }
            }
        }
    }

    /// The batch in its transaction; if the database refuses a message, the batch again in a new
    /// one, a savepoint per message. A transaction that could not begin (a busy store) is not retried.
    static func writeBatch(_ db: Database, _ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome] {
        var outcomes: [IngestOutcome] = []
        var began = false
        do {
            try db.inTransaction(.immediate) {
                began = true
                outcomes = try ingest(db, batch, rules: rules, isolating: false)
                return .commit
            }
        } catch where began {
            try db.inTransaction(.immediate) {
                outcomes = try ingest(db, batch, rules: rules, isolating: true)
                return .commit
            }
        }
        return outcomes
    }

    /// Runs `body` with the connection's triggers off. While mail is filed the only triggers that
    /// would fire are the change feed's (two log rows a message: ~15% of the writer's instructions;
    /// a WHEN clause skipping them still cost half of that), so the batch logs itself once instead.
    /// Anything else ingest must keep up to date it writes itself. NOT NULL, UNIQUE and foreign keys
    /// still hold (CHECK constraints: `withBulkWriteSettings`).
    static func withoutTriggers<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard rapport_sqlite_set_triggers(db.sqliteConnection, 0) == SQLITE_OK else { return try body() }
        defer { _ = rapport_sqlite_set_triggers(db.sqliteConnection, 1) }
        return try body()
    }

    /// Runs `body` with the writer tuned for a bulk load, then restores its settings.
    /// - `synchronous = NORMAL`: in WAL mode a commit no longer waits for fsync; a power cut may lose
    ///   the last batches but never corrupts the file, and their seen records go with them, so the
    ///   next run ingests them again. (Other writes — assignments, the outbox — keep the stricter default.)
    /// - a checkpoint every 64 MB of WAL instead of every 4 MB: fewer, larger copies into the database.
    /// - a 64 MB page cache instead of 2 MB, kept afterwards: the message-id and FTS b-trees
    ///   stop being re-read from the OS, batch after batch (shrinking it again would drop those pages).
    /// - `temp_store = MEMORY`: statement journals and FTS5's sorting stay off temporary files.
    /// - `ignore_check_constraints`: the CHECK constraints ingest meets are value lists (`direction IN
    ///   ('inbound','outbound','note')`, the conversation's status, the seen record's outcome), which
    ///   SQLite evaluates by building a temporary b-tree of the list every time a statement runs: three
    ///   a message, a quarter of the writer's instructions on support mail. Ingest writes Swift enums'
    ///   raw values there, and a test runs `PRAGMA integrity_check` over a store it filled. Setting it
    ///   expires the prepared statements, so the checks are compiled in again afterwards.
    static func withBulkWriteSettings<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
        let checkpoint = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
        let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        let ignoreChecks = try Int.fetchOne(db, sql: "PRAGMA ignore_check_constraints") ?? 0
        try db.execute(sql: """
            PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;
            PRAGMA temp_store = MEMORY; PRAGMA ignore_check_constraints = ON
            """)
        defer {
            try? db.execute(sql: """
                PRAGMA synchronous = \(synchronous); PRAGMA wal_autocheckpoint = \(checkpoint); PRAGMA temp_store = \(tempStore);
                PRAGMA ignore_check_constraints = \(ignoreChecks)
                """)
        }
        return try body()
    }

    /// Files every item of the batch, then indexes the batch's new messages for search in one
    /// statement (one FTS5 segment per batch). `isolating`: each message in its own savepoint, so
    /// one the database refuses is rolled back alone and reported.
    static func ingest(_ db: Database, _ batch: [IngestItem], rules: IngestRules, isolating: Bool) throws -> [IngestOutcome] {
        let lastBefore = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(max(id), 0) FROM message")) ?? 0
        let facts = try BatchFacts(db)
        // Cached SAVEPOINT statements: GRDB's inSavepoint compiles two statements per message.
        let savepoint = try db.cachedStatement(sql: "SAVEPOINT ingest_message")
        let release = try db.cachedStatement(sql: "RELEASE SAVEPOINT ingest_message")
        let rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT ingest_message")
        let outcomes = try batch.map { item -> IngestOutcome in
            switch item {
            case let .unreadable(seenKey, path, reason):
                try Self.recordSeen(db, key: seenKey, path: path, dedup: nil, message: nil, outcome: "unreadable", reason: reason)
                return .failed(reason)
            case let .mail(mail):
                guard isolating else { return try Self.ingest(db, mail, filing: rules.file(mail, facts: facts)) }
                try savepoint.execute()
                do {
                    let outcome = try Self.ingest(db, mail, filing: rules.file(mail, facts: facts))
                    try release.execute()
                    return outcome
                } catch {
                    try rollback.execute()
                    try release.execute()
                    let reason = "not stored: \(error)"
                    try Self.recordSeen(db, key: mail.seenKey, path: mail.path, dedup: mail.dedupKey, message: nil,
                                        outcome: "unreadable", reason: reason)
                    return .failed(reason)
                }
            }
        }
        try db.cachedStatement(sql: "INSERT INTO message_fts(rowid, subject, text) SELECT id, subject, text FROM message WHERE id > ?")
            .execute(arguments: [lastBefore])
        // The batch's one entry in the change feed: its last message (other processes only need to
        // know that someone else wrote; the rows' own triggers are off during ingest).
        try db.cachedStatement(sql: """
            INSERT INTO change_log (origin, entity, entity_id)
            SELECT rapport_origin(), 'message', max(id) FROM message WHERE id > ? HAVING count(*) > 0
            """).execute(arguments: [lastBefore])
        return outcomes
    }

    // MARK: - One message

    /// Writes what the rules decided for one message: its seen record, and for a message to store
    /// the customer and conversation to create (if new), the message itself.
    static func ingest(_ db: Database, _ mail: IncomingMail, filing: Filing) throws -> IngestOutcome {
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
                try insertCustomer(db, address: address, first: first, last: last, guessed: guessed, at: at)
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

    /// A customer met for the first time: unassigned, not existing, with the one address they were met at.
    static func insertCustomer(_ db: Database, address: String, first: String, last: String, guessed: Bool,
                               at: Double) throws -> CustomerID {
        try db.runDirect("""
            INSERT INTO customer (first_name, last_name, owner, created, is_existing, name_guessed) VALUES (?1, ?2, NULL, ?3, 0, ?4)
            """, .text(first), .text(last), .real(at), .integer(guessed ? 1 : 0))
        let id = db.lastInsertedRowID
        try db.runDirect("INSERT INTO customer_address (address, customer_id, position) VALUES (?1, ?2, 0)", .text(address), .integer(id))
        return id
    }

    static func recordSeen(_ db: Database, key: String, path: String, dedup: String?, message: MessageRowID?,
                           outcome: String, reason: String?) throws {
        try db.runDirect("""
            INSERT INTO ingest_seen (seen_key, path, dedup_key, message_id, outcome, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (seen_key) DO UPDATE SET path = excluded.path, outcome = excluded.outcome, reason = excluded.reason
            """, .text(key), .text(path), .text(dedup), .integer(message), .text(outcome), .text(reason),
            .real(Date().timeIntervalSince1970))
    }
}

extension SQLiteStore: IngestMaintenance {
    /// After a bulk load (at least 10,000 messages, and at least half of all stored), merges the
    /// full-text index into one segment. Each batch's commit leaves a small segment; FTS5 merges
    /// them in steps but a first import still ends with a dozen, and every search then looks a
    /// word up in each. Merging costs ~5% of the import (3.4 s after 100k messages) and makes the
    /// per-conversation test of dense searches 2–4× cheaper. Small runs leave FTS5's own merging alone.
    public func ingestFinished(stored: Int) throws {
        guard stored >= 10_000 else { return }
        try pool.writeWithoutTransaction { db in
            let total = try Int.fetchOne(db, sql: "SELECT max(id) FROM message") ?? 0
            guard stored * 2 >= total else { return }
            try Self.withBulkWriteSettings(db) {
                try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('optimize')")
            }
        }
    }
}

extension SQLiteStore: IngestFolderStamps {
    public func folderStamps(_ folders: [String]) throws -> [String: FolderStamp] {
        try pool.read { db in
            var stamps: [String: FolderStamp] = [:]
            for folder in folders {
                if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT modified_ns, files FROM ingest_folder WHERE path = ?"),
                                              arguments: [folder]) {
                    stamps[folder] = FolderStamp(modified: row["modified_ns"], files: row["files"])
                }
            }
            return stamps
        }
    }

    public func recordFolderStamps(_ stamps: [String: FolderStamp]) throws {
        guard !stamps.isEmpty else { return }
        try pool.write { db in
            for (path, stamp) in stamps {
                try db.execute(sql: """
                    INSERT INTO ingest_folder (path, modified_ns, files) VALUES (?, ?, ?)
                    ON CONFLICT (path) DO UPDATE SET modified_ns = excluded.modified_ns, files = excluded.files
                    """, arguments: [path, stamp.modified, stamp.files])
            }
        }
    }
}
