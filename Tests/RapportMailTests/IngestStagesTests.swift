import Foundation
import GRDB
import RapportCore
import Testing
@testable import RapportMail
@testable import RapportStore

/// The benchmark's ceilings time ingest's two stages apart (`parseStage`, `writeStage`); they are
/// only ceilings of `run` if they do the same work: the same batches, the same rows in the end.
@Suite("Ingest's stages apart")
struct IngestStagesTests {
    @Test("parsing then writing apart stores what one run stores, in the same batches")
    func stagesMatchRun() throws {
        let together = try IngestFixture(), apart = try IngestFixture()
        let files = CorpusTests.messageFiles()
        // One delivery time for all: the order is then the names', the same in both Maildirs.
        for fixture in [together, apart] {
            try CorpusTests.copyMessageFiles(into: fixture.maildir, deliveredAt: Date(timeIntervalSince1970: 1_700_000_000))
        }
        let summary = try MailIngester(store: together.store, batchSize: 7).run(maildirs: [together.maildir])
        let ingester = MailIngester(store: apart.store, batchSize: 7)
        let batches = try ingester.parseStage(maildirs: [apart.maildir])
        #expect(batches.map(\.count).allSatisfy { $0 <= 7 })
        #expect(batches.reduce(0) { $0 + $1.count } == files.count)
        #expect(try ingester.writeStage(batches) == summary.ingested)
        for table in ["message", "conversation", "customer"] {
            #expect(try apart.count(table) == together.count(table), "\(table)")
        }
        let rows = { (store: SQLiteStore) in
            try store.pool.read { db in try String.fetchAll(db, sql: "SELECT subject || '|' || from_address FROM message ORDER BY id") }
        }
        let (a, t) = (try rows(apart.store), try rows(together.store))
        #expect(a == t, "first difference: \(zip(a, t).first { $0 != $1 }.map { "\($0) / \($1)" } ?? "-")")
    }

    /// Ingest parses on one thread fewer than the cores (one, on two cores); the ceiling on every core.
    /// Either way a batch comes back whole and in file order.
    @Test("a batch parsed on one thread or on several gives the same items in the same order")
    func parsingThreadsDoNotChangeABatch() throws {
        let fixture = try IngestFixture()
        let files = try CorpusTests.copyMessageFiles(into: fixture.maildir)
        let ingester = MailIngester(store: fixture.store)
        var summary = IngestSummary()
        let (batches, _) = try ingester.plan([fixture.maildir], summary: &summary)
        let entries = batches.slices.indices.flatMap { batches.entries($0) }
        let serial = ingester.parseAll(entries, threads: 1)
        #expect(serial.count == files.count)
        #expect(ingester.parseAll(entries, threads: 3) == serial)
        #expect(MailIngester(store: fixture.store).parseThreads == max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
    }
}
