import Foundation
@testable import RapportMail
@testable import RapportPostgres
import RapportCore
import RapportStore
import TestSupport
import Testing

/// PostgreSQL files a batch two ways: planned from answers read up front and written a table at a
/// time (`ingestPlanned`, the normal path), or a message at a time asking the database as it goes
/// (`ingestOneByOne`, after a refusal). Both must leave the same store: the same customers, the same
/// conversations with the same figures, each message in the same one, the same seen records.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"] != nil, "needs PostgreSQL (scripts/with-postgres)"))
struct PostgresIngestPathsTests {
    typealias Path = (PostgresSession, [IngestItem], IngestRules) throws -> [IngestOutcome]

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let rules = IngestRules(threadWindow: 86_400)

    static func mail(_ key: String, from: String = "dana@example.org", name: String? = "Dana Whitfield",
                     to: [String] = ["sam@example.com"], replyTo: [NamedAddress] = [], subject: String = "Leak",
                     messageID: String? = nil, inReplyTo: String? = nil, dedup: String? = nil, at seconds: Double = 0) -> IngestItem {
        .mail(IncomingMail(seenKey: "/mail:\(key)", path: "/mail/new/\(key)",
                           dedupKey: dedup ?? messageID.map { "mid:\($0)" } ?? "sha256:\(key)", fromAddress: from, fromName: name,
                           to: to, replyTo: replyTo, subject: subject, text: "Text of \(key)", messageID: messageID,
                           inReplyTo: inReplyTo, references: inReplyTo.map { [$0] } ?? [],
                           date: t0.addingTimeInterval(seconds), attachments: []))
    }

    /// Everything a batch can hold that one message can see of another in the same batch.
    static let firstBatch: [IngestItem] = [
        mail("a", messageID: "a@x"),
        mail("b", from: "sam@example.com", name: "Sam", to: ["dana@example.org"], subject: "Re: Leak",
             messageID: "b@x", inReplyTo: "a@x", at: 60),                                   // outbound, by reference
        mail("c", subject: "RE: leak", at: 120),                                            // by subject, no Message-ID
        mail("c-copy", subject: "RE: leak", dedup: "sha256:c", at: 120),                    // the same file again
        mail("a-copy", messageID: "a@x"),                                                   // the same message again
        mail("d", from: "noreply@forms.example", name: "Website", replyTo: [NamedAddress(name: "Lee Park", address: "Lee@Example.org")],
             subject: "Quote", messageID: "d@x", at: 30),                                   // the visitor in Reply-To
        mail("e", from: "sam@example.com", to: ["priya@example.com"], subject: "Lunch", messageID: "e@x"),   // agents only
        .unreadable(seenKey: "/mail:broken", path: "/mail/new/broken", reason: "truncated"),
        mail("f", from: "lee@example.org", name: "Lee Park", subject: "Quote", messageID: "f@x", at: 10 * 86_400),  // outside the window
        mail("g", subject: "Leak", messageID: "g@x", at: 200),
    ]

    /// What the first batch stored, met again: by reference, by subject, and a customer's second address case.
    static let secondBatch: [IngestItem] = [
        mail("h", subject: "Re: Leak", messageID: "h@x", inReplyTo: "b@x", at: 400),
        mail("i", from: "LEE@example.org", name: "Lee Park", subject: "Re: Quote", messageID: "i@x", at: 10 * 86_400 + 60),
        mail("j", from: "kim@example.org", name: "Kim", subject: "Re: Leak", messageID: "j@x", inReplyTo: "a@x", at: 500),
        mail("g-again", subject: "Leak", messageID: "g@x", at: 200),
    ]

    /// The shared corpus's real messages, read as ingest reads them, in batches of 7.
    static func corpusBatches(_ dir: TemporaryDirectory) throws -> [[IngestItem]] {
        let root = dir.path("Maildir")
        try MaildirWriter(root: root).create()
        try CorpusTests.copyMessageFiles(into: root)
        // Only its reading is used: the store it is given is never written.
        let ingester = MailIngester(store: try SQLiteStore(path: dir.path("unused.sqlite"), create: true), batchSize: 7)
        let items = try Maildir(root: root).entries().map { ingester.read($0, seenKey: MailIngester.seenKey(of: $0)) }
        return stride(from: 0, to: items.count, by: 7).map { Array(items[$0..<min($0 + 7, items.count)]) }
    }

    /// The store after `batches`, as rows of text that do not depend on the IDs given.
    static func storeAfter(_ batches: [[IngestItem]], path: Path) throws -> (outcomes: [String], rows: [String]) {
        let server = try #require(ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"].flatMap { try? PostgresLocation($0) })
        let name = "rapport_paths_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresDatabases.create(name, on: server)
        defer { try? PostgresDatabases.drop(name, on: server) }
        var location = server
        location.database = name
        let store = try PostgresStore(location, create: true)
        try store.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
        try store.addAgent(Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com"))
        var outcomes: [String] = []
        for batch in batches {
            outcomes += try store.write { db in try path(db, batch, rules) }.map { outcome in
                switch outcome {
                case .ingested: "ingested"
                case .duplicate: "duplicate"
                case let .failed(reason): "failed: \(reason)"
                }
            }
        }
        let rows = try store.read { db in
            try db.rows("""
                SELECT concat_ws(' | ', m.source_path, m.direction, m.author, c.subject, c.message_count, c.status, c.created,
                       c.last_activity, c.last_inbound, c.snoozed_until, cu.first_name, cu.last_name, cu.name_guessed, cu.is_existing,
                       (SELECT string_agg(address, ',' ORDER BY position) FROM customer_address WHERE customer_id = cu.id),
                       (SELECT min(other.source_path) FROM message other WHERE other.conversation_id = m.conversation_id))
                FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN customer cu ON cu.id = c.customer_id
                UNION ALL
                SELECT concat_ws(' | ', 'seen', s.seen_key, s.path, s.dedup_key, s.outcome, s.reason, m.source_path)
                FROM ingest_seen s LEFT JOIN message m ON m.id = s.message_id
                UNION ALL
                SELECT concat_ws(' | ', 'counts', (SELECT count(*) FROM customer), (SELECT count(*) FROM conversation),
                                 (SELECT count(*) FROM message))
                ORDER BY 1
                """).map { $0[0] as String }
        }
        return (outcomes, rows)
    }

    @Test("both paths file the crafted batches and the corpus alike")
    func bothPathsLeaveTheSameStore() throws {
        let dir = try TemporaryDirectory()
        let batches = [Self.firstBatch, Self.secondBatch] + (try Self.corpusBatches(dir))
        let planned = try Self.storeAfter(batches, path: PostgresStore.ingestPlanned)
        let oneByOne = try Self.storeAfter(batches, path: PostgresStore.ingestOneByOne)
        #expect(planned.outcomes == oneByOne.outcomes)
        #expect(planned.rows == oneByOne.rows)
        #expect(planned.rows.count > 100, "the corpus was stored")

        // The crafted cases came out as intended (not merely alike).
        #expect(planned.outcomes.prefix(10) == ["ingested", "ingested", "ingested", "duplicate", "duplicate", "ingested",
                                                "failed: sent by agent sam to no customer address", "failed: truncated",
                                                "ingested", "ingested"])
        #expect(planned.outcomes[10..<14] == ["ingested", "ingested", "ingested", "duplicate"])
        let thread = { (key: String) in planned.rows.first { $0.hasPrefix("/mail/new/\(key) |") }?.components(separatedBy: " | ").last }
        #expect(["a", "b", "c", "g", "h"].map(thread).allSatisfy { $0 == "/mail/new/a" }, "one conversation for Dana's leak")
        #expect(thread("i") == "/mail/new/f" && thread("d") == "/mail/new/d", "Lee's second quote is a new conversation, then joined")
        #expect(thread("j") == "/mail/new/j", "another customer's reference never joins Dana's conversation")
    }
}
