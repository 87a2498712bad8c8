import Foundation
import GRDB
import RapportCore
import Testing
@testable import RapportStore

/// Every store runs the numbered migrations: a new one all of them in one transaction, an older one
/// those it lacks through GRDB's migrator. Both must end with the same schema, the one docs/schema.md
/// shows (generated from a new store).
@Suite struct SchemaTests {
    /// Every table, index, trigger and view, with its SQL as SQLite keeps it, normalised: comments
    /// dropped, whitespace collapsed, no space around punctuation (ALTER TABLE splices its text in).
    static func schema(_ db: Database) throws -> [String: String] {
        var schema: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master") {
            let sql: String = row["sql"] ?? ""
            schema["\(row["type"] as String) \(row["name"] as String)"] = normalised(sql)
        }
        return schema
    }

    static func normalised(_ sql: String) -> String {
        let withoutComments = sql.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: " ")
        var text = withoutComments.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for mark in ["(", ")", ",", ";"] {
            text = text.replacingOccurrences(of: " " + mark, with: mark).replacingOccurrences(of: mark + " ", with: mark)
        }
        return text
    }

    static func pragmas(_ db: Database) throws -> [Int] {
        [try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0]
    }

    /// The path of a store file in `t`'s folder migrated only up to `migration`, closed after `then` ran on it.
    static func oldStore(in t: TemporaryStore, upTo migration: String,
                         then: (DatabasePool) throws -> Void = { _ in }) throws -> String {
        let path = t.directory.appendingPathComponent("\(migration).sqlite").path
        let pool = try DatabasePool(path: path)
        try SQLiteStore.migrator.migrate(pool, upTo: migration)
        try then(pool)
        return path
    }

    /// docs/schema.md as committed.
    static func committedDocument() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/schema.md"), encoding: .utf8)
    }

    @Test func docsSchemaIsWhatANewStoreHas() throws {
        let generated = try SchemaDocument.forNewStore()
        #expect(try Self.committedDocument() == generated,
                "docs/schema.md differs from a new store's schema: run \(SchemaDocument.regenerate) and commit it")
        #expect(generated.contains("CREATE TABLE change_log") && generated.contains("CREATE TRIGGER"))
    }

    @Test func aNewStoreAndAStoreMigratedFromV1HaveTheSameSchema() throws {
        let t = try TemporaryStore(agents: false)
        let oldPath = try Self.oldStore(in: t, upTo: V1Foundation.identifier)
        let migrated = try SQLiteStore(path: oldPath)
        let fresh = try t.store.pool.read { db in (try Self.schema(db), try Self.pragmas(db)) }
        let upgraded = try migrated.pool.read { db in (try Self.schema(db), try Self.pragmas(db)) }
        #expect(fresh.1 == upgraded.1)
        #expect(fresh.0.keys.sorted() == upgraded.0.keys.sorted())
        for (name, sql) in fresh.0.sorted(by: { $0.key < $1.key }) where upgraded.0[name] != sql {
            Issue.record("\(name) differs:\n  new:      \(sql)\n  migrated: \(upgraded.0[name] ?? "(missing)")")
        }
        #expect(fresh.0["table change_log"] != nil && fresh.0.count > 40)
        #expect(try migrated.pool.read(SchemaDocument.render) == Self.committedDocument(),
                "a store migrated from v1 differs from docs/schema.md (run \(SchemaDocument.regenerate) if a migration was added)")
    }

    @Test func aNewStoreRecordsEveryMigrationAsApplied() throws {
        let t = try TemporaryStore(agents: false)
        let applied = try t.store.pool.read { db in try SQLiteStore.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(SQLiteStore.migrations.map { $0.identifier }))
        #expect(try t.store.pool.read { db in try SQLiteStore.migrator.hasCompletedMigrations(db) })
    }

    @Test func aStoreFromBeforeTheChangeFeedLogsItsNextWrites() throws {
        let t = try TemporaryStore(agents: false)
        let path = try Self.oldStore(in: t, upTo: V6CoveringProfile.identifier) { pool in
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO agent (login, first_name, last_name, email) VALUES ('sam', 'Sam', 'Ortiz', 'sam@example.com')
                    """)
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.latestChange() == 0, "writes before the log are not in it")
        let dana = try store.addCustomer(NewCustomer(firstName: "Dana", lastName: "W", email: "dana@example.org"), by: nil)
        let changes = try store.changes(since: 0)
        #expect(changes.isComplete && changes.changes.contains { $0.entity == .customer && $0.entityID == dana.id })
        #expect(try store.agent(login: "sam") != nil)
    }

    /// v25 builds the index again with the tokenizer that leaves quoted lines out: a store indexed
    /// before (quoted words findable) finds only the unquoted ones after it is opened.
    @Test func aStoreIndexedWithQuotesIsIndexedAgainWithout() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let c = try t.store.startConversation(customer: dana.id, subject: "Re: Parcel", at: Date(timeIntervalSince1970: 1_700_000_000))
        try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "dana@example.org", subject: "Re: Parcel",
                                             text: "It came today.\n> Your parcel left the depot", date: Date(timeIntervalSince1970: 1_700_000_000)))
        // The index as v5 made it, and v25 not yet applied.
        try t.store.pool.write { db in
            try db.execute(sql: """
                DROP TABLE message_fts_vocab; DROP TABLE message_fts;
                CREATE VIRTUAL TABLE message_fts USING fts5(subject, text, content='message', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2', detail=none);
                CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, instance);
                INSERT INTO message_fts(message_fts) VALUES ('rebuild');
                DELETE FROM grdb_migrations WHERE identifier = '\(V25SearchWithoutQuotes.identifier)';
                """)
        }
        func found(_ store: SQLiteStore, _ text: String) throws -> Int {
            try store.conversations(ConversationQuery(text: text), from: nil, direction: .after, limit: 10, agent: "sam").count
        }
        #expect(try found(t.store, "depot") == 1, "indexed with its quote before")
        let reopened = try SQLiteStore(path: t.path)
        #expect(try found(reopened, "depot") == 0)
        #expect(try found(reopened, "came today") == 1)
    }
}
