import Foundation
import GRDB
import RapportCore
import Testing
@testable import RapportMail
@testable import RapportStore

/// Ingest fills the search index once per batch (no trigger; v12). These check, on real files, that
/// the index then holds exactly what the stored messages give when indexed from scratch.
@Suite("The search index ingest builds")
struct IngestSearchIndexTests {
    /// The index as sorted "term message" pairs (it keeps no positions), through a temporary fts5vocab table.
    static func indexPairs(_ store: SQLiteStore) throws -> [String] {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.test_vocab USING fts5vocab(main, message_fts, instance)")
            defer { try? db.execute(sql: "DROP TABLE temp.test_vocab") }
            return try String.fetchAll(db, sql: "SELECT term || ' ' || doc FROM temp.test_vocab ORDER BY term, doc")
        }
    }

    /// FTS5's integrity check (the index against the messages' text), then the index compared,
    /// pair by pair, with the one a rebuild from the messages yields.
    static func expectIndexMatchesMessages(_ store: SQLiteStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('integrity-check')")
        }
        let built = try indexPairs(store)
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('rebuild')")
        }
        let rebuilt = try indexPairs(store)
        #expect(!built.isEmpty, sourceLocation: sourceLocation)
        #expect(built.count == rebuilt.count, sourceLocation: sourceLocation)
        #expect(built == rebuilt, "first differences: \(zip(built, rebuilt).first { $0 != $1 }.map { "\($0) / \($1)" } ?? "-")",
                sourceLocation: sourceLocation)
    }

    /// The database refuses every message whose text length is a multiple of `modulo` (a stand-in
    /// for a row SQLite will not take), so batches holding one are written again one message at a time.
    static func refuseSomeMessages(_ store: SQLiteStore, modulo: Int) throws {
        try refuseMessages(store, where: "length(text) % \(modulo) = 0")
    }

    /// Adds a NOT NULL column `refused_by_the_test`, computed from the row, that is NULL for every
    /// message matching `condition`. Neither a trigger nor a CHECK constraint: ingest writes with both off.
    static func refuseMessages(_ store: SQLiteStore, where condition: String) throws {
        try store.pool.write { db in
            try db.execute(sql: """
                ALTER TABLE message ADD COLUMN refused_by_the_test INTEGER
                    GENERATED ALWAYS AS (CASE WHEN NOT (\(condition)) THEN 1 END) VIRTUAL NOT NULL
                """)
        }
    }

    @Test("the corpus in batches of 7: the index is what the messages give, on the batch path and the one-by-one path",
          arguments: [false, true])
    func corpusIndex(refusing: Bool) throws {
        let fixture = try IngestFixture()
        let files = try CorpusTests.copyMessageFiles(into: fixture.maildir)
        if refusing { try Self.refuseSomeMessages(fixture.store, modulo: 5) }
        let summary = try MailIngester(store: fixture.store, batchSize: 7).run(maildirs: [fixture.maildir])
        let refused = summary.failed.filter { $0.error.contains("refused_by_the_test") }
        #expect(refused.isEmpty != refusing, "\(summary.failed)")
        #expect(summary.ingested + summary.duplicates + summary.failed.count == files.count)
        #expect(try fixture.count("message") == summary.ingested)
        try Self.expectIndexMatchesMessages(fixture.store)
        // Ingest writes with CHECK constraints off: every row it wrote must meet them (the integrity
        // check tests each), and they hold again for the writes after it.
        #expect(try fixture.store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(throws: DatabaseError.self) {
            try fixture.store.pool.write { db in
                try db.execute(sql: "UPDATE conversation SET status = 'sideways' WHERE id = (SELECT min(id) FROM conversation)")
            }
        }
        if refusing {   // the constraint would refuse the edit below too
            try fixture.store.pool.write { db in try db.execute(sql: "ALTER TABLE message DROP COLUMN refused_by_the_test") }
        }

        // The other writers keep the index right: a note (indexed as it is written), an edit and a
        // deletion (by their triggers).
        let store = fixture.store
        let conversation = try #require(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM conversation") })
        let agent = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com")
        let note = try store.addNote(conversation: conversation, agent: agent, text: "Zyxwvut note about the parcel", at: Date())
        try store.pool.write { db in
            try db.execute(sql: "UPDATE message SET text = 'quokka ' || text WHERE id = (SELECT min(id) FROM message)")
            try db.execute(sql: "DELETE FROM message WHERE id = ?", arguments: [note.id])
        }
        try store.addNote(conversation: conversation, agent: agent, text: "Second zyxwvut note", at: Date())
        try Self.expectIndexMatchesMessages(store)
        #expect(try store.conversations(ConversationQuery(text: "zyxwvut"), from: nil, direction: .after, limit: 5,
                                        agent: "sam").map(\.id) == [conversation])
        #expect(try store.conversations(ConversationQuery(text: "quokka"), from: nil, direction: .after, limit: 5,
                                        agent: "sam").count == 1)
    }

    @Test("a message the database refuses is reported by its file; the rest of its batch is stored and searchable")
    func refusedMessageInABatch() throws {
        let fixture = try IngestFixture()
        let date = "Mon, 6 Nov 2023 10:00:00 +0000"
        let good1 = try fixture.deliver(mail(from: "dana@example.org", subject: "Parcel", id: "a@x", date: date, body: "kettle arrived dented"))
        let bad = try fixture.deliver(mail(from: "lee@example.org", subject: "Refund", id: "b@x", date: date, body: "refuse me"))
        let good2 = try fixture.deliver(mail(from: "kim@example.org", subject: "Invoice", id: "c@x", date: date, body: "kettle invoice please"))
        try Self.refuseMessages(fixture.store, where: "message_id = 'b@x'")
        let summary = try MailIngester(store: fixture.store, batchSize: 10).run(maildirs: [fixture.maildir])
        #expect(summary.ingested == 2)
        #expect(summary.failed.map(\.file) == [bad])
        #expect(summary.failed.first?.error.contains("refused_by_the_test") == true)
        let stored = try fixture.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT source_path FROM message ORDER BY source_path")
        }
        #expect(stored == [good1, good2].sorted())
        #expect(try fixture.count("ingest_seen") == 3, "every file is recorded, the refused one with its reason")
        try Self.expectIndexMatchesMessages(fixture.store)
        #expect(try fixture.store.conversations(ConversationQuery(text: "kettle"), from: nil, direction: .after, limit: 5,
                                                agent: "sam").count == 2)
        let again = try MailIngester(store: fixture.store, batchSize: 10).run(maildirs: [fixture.maildir])
        #expect(again.ingested == 0 && again.failed.isEmpty, "a refused file is recorded, not retried on every run")
    }
}
