import Foundation
import GRDB
import RapportCore
import Testing
@testable import RapportStore

@Suite struct StoreFileTests {
    @Test func migratesFromAnEmptyFileAndMarksItAsRapport() throws {
        let t = try TemporaryStore(agents: false)
        let (tables, appID, foreignKeys, journal) = try t.store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try Int.fetchOne(db, sql: "PRAGMA application_id"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        for table in ["agent", "customer", "customer_address", "assignment", "conversation", "message", "message_fts", "draft"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(appID == Int(SQLiteStore.applicationID))
        #expect(foreignKeys == 1)
        #expect(journal == "wal")
        // Opening again runs no migration twice and keeps the data.
        _ = try SQLiteStore(path: t.path)
    }

    @Test func aStoreFromBeforeTheIndexLostPositionsIsStillSearchable() throws {
        let t = try TemporaryStore(agents: false)
        let path = t.directory.appendingPathComponent("v4.sqlite").path
        // A store as v4 left it: the full-text index with positions, and a message in it.
        do {
            let pool = try DatabasePool(path: path)
            try SQLiteStore.migrator.migrate(pool, upTo: "v4-performance")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO customer (id, first_name, last_name, created, is_existing) VALUES (1, 'Dana', 'W', 0, 1);
                    INSERT INTO conversation (id, customer_id, subject, normalized_subject, status, created, last_activity, message_count)
                        VALUES (1, 1, 'Zürich office', 'zürich office', 'open', 0, 0, 1);
                    INSERT INTO message (conversation_id, direction, from_address, subject, text, date)
                        VALUES (1, 'inbound', 'dana@example.org', 'Zürich office', 'The invoice for O''Brien', 0);
                    """)
            }
        }
        let store = try SQLiteStore(path: path)
        let definition = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'message_fts'")
        }
        #expect(definition?.contains("detail=none") == true)
        for text in ["zürich", "o'brien invoice", "invo"] {
            #expect(try store.conversations(ConversationQuery(text: text), from: nil, direction: .after, limit: 5,
                                            agent: "sam").map(\.id) == [1], "\(text)")
        }
    }

    @Test func createsTheFileOwnerOnlyInAMissingFolder() throws {
        let t = try TemporaryStore(agents: false)
        let attributes = try FileManager.default.attributesOfItem(atPath: t.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func refusesAMissingStoreWithoutCreate() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID()).sqlite").path
        #expect(throws: RapportError.self) { _ = try SQLiteStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesAFileThatIsNotAStoreAndLeavesItUntouched() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notstore-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = dir.appendingPathComponent("notes.txt")
        let original = Data("shopping list: eggs, milk\n".utf8)
        try original.write(to: text)
        #expect(throws: RapportError.notARapportStore(text.path)) { _ = try SQLiteStore(path: text.path, create: true) }
        #expect(try Data(contentsOf: text) == original)

        // Another application's SQLite database is refused too.
        let other = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: RapportError.notARapportStore(other)) { _ = try SQLiteStore(path: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }
}
