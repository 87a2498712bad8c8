import Foundation
import GRDB
import Testing
@testable import RapportStore

/// Writes `count` messages from `count / 10` customers into a new Maildir; every third one replies to the one before.
func generateMaildir(at root: String, count: Int) throws {
    for folder in ["tmp", "new", "cur"] {
        try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
    }
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    for index in 0..<count {
        let customer = index % max(1, count / 10)
        let replyTo = index % 3 == 2 ? "In-Reply-To: <gen-\(index - 1)@example.org>\n" : ""
        let text = """
        From: Customer \(customer) <customer\(customer)@example.org>
        To: support@example.com
        Subject: Question \(index / 3) about my plan
        Date: \(formatter.string(from: start.addingTimeInterval(Double(index) * 60)))
        Message-ID: <gen-\(index)@example.org>
        \(replyTo)Content-Type: text/plain; charset=utf-8

        Hello, this is message \(index). Grüße — \(String(repeating: "lorem ipsum ", count: 20))

        """
        let folder = index % 2 == 0 ? "new/\(1_700_000_000 + index).M\(index)P1.gen" : "cur/\(1_700_000_000 + index).M\(index)P1.gen:2,S"
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(root)/\(folder)"))
    }
}

@Suite("Ingest survives SIGKILL")
struct IngestCrashTests {
    @Test("killed mid-run at several points, the store stays whole and the next run completes the job")
    func sigkillThenRerun() throws {
        let cli = try RapportBinary.withTeam()
        let root = (cli.store as NSString).deletingLastPathComponent + "/Maildir"
        let total = 1_500, batch = 50
        try generateMaildir(at: root, count: total)

        for killAfter in [2, 5, 9] {
            let (process, _, err) = cli.launch(["ingest", "--batch", "\(batch)", "--verbose", root])
            var committed = 0
            var buffer = Data()
            while committed < killAfter {
                let chunk = err.fileHandleForReading.availableData
                if chunk.isEmpty { break }   // the run finished before we could kill it
                buffer.append(chunk)
                committed = String(decoding: buffer, as: UTF8.self).components(separatedBy: "committed ").count - 1
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try checkConsistent(cli.store, batch: batch)
        }

        let rerun = try cli.run(["ingest", "--json", root])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try #require(rerun.json as? [String: Any])
        #expect((summary["failed"] as? [Any])?.isEmpty == true)
        #expect(summary["duplicates"] as? Int == 0)
        let counts = try checkConsistent(cli.store, batch: 1)
        #expect(counts.messages == total)
        #expect(counts.customers == total / 10)

        let again = try cli.run(["ingest", "--json", root])
        #expect((again.json as? [String: Any])?["ingested"] as? Int == 0)
    }

    /// No half-written message, conversation or customer; only whole batches are stored.
    @discardableResult
    func checkConsistent(_ path: String, batch: Int) throws -> (messages: Int, customers: Int) {
        let store = try SQLiteStore(path: path)
        return try store.pool.read { db in
            let messages = try Int.fetchOne(db, sql: "SELECT count(*) FROM message")!
            let seen = try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_seen")!
            let customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer")!
            #expect(seen == messages, "every stored message has its seen record and no more")
            #expect(seen % batch == 0, "only whole batches are committed (\(seen) seen)")
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM conversation c
                WHERE message_count != (SELECT count(*) FROM message m WHERE m.conversation_id = c.id) OR message_count = 0
                """) == 0, "every conversation has its messages and a matching count")
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM customer cu WHERE NOT EXISTS (SELECT 1 FROM customer_address a WHERE a.customer_id = cu.id)
                   OR NOT EXISTS (SELECT 1 FROM conversation c WHERE c.customer_id = cu.id)
                """) == 0, "every customer has an address and a conversation")
            return (messages, customers)
        }
    }
}
