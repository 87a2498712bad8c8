import ArgumentParser
import Foundation
import GRDB
import RapportStore

/// Gives an ingested bench store what a team's store has after months of use: owners and a mix of
/// statuses. Ingest leaves every customer unassigned and every conversation open, which would make
/// the owner and status filters of the search benchmark trivially empty or trivially full.
struct FixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture", abstract: "Assign owners (the agent who answered) and spread statuses in a bench store.")
    @Option(help: "The store to change.") var store: String

    func run() throws {
        // Opening through SQLiteStore first checks the file is a Rapport store and migrates it.
        _ = try SQLiteStore(path: store)
        let queue = try DatabaseQueue(path: store)
        let start = Date()
        try queue.write { db in
            // Owner: the agent whose reply the customer received most recently. Customers nobody answered,
            // and one in ten others (new to the team, still to be picked up), stay unassigned.
            try db.execute(sql: """
                UPDATE customer SET owner = CASE WHEN id % 10 = 0 THEN NULL ELSE (
                    SELECT m.author FROM conversation c JOIN message m ON m.conversation_id = c.id
                    WHERE c.customer_id = customer.id AND m.direction = 'outbound'
                    ORDER BY m.date DESC LIMIT 1) END
                """)
            try db.execute(sql: """
                INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at)
                SELECT id, NULL, owner, owner, NULL, created FROM customer WHERE owner IS NOT NULL
                """)
            // About half open, a fifth pending, the rest closed.
            try db.execute(sql: """
                UPDATE conversation SET status = CASE (id * 7919) % 10
                    WHEN 0 THEN 'open' WHEN 1 THEN 'open' WHEN 2 THEN 'open' WHEN 3 THEN 'open' WHEN 4 THEN 'open'
                    WHEN 5 THEN 'pending' WHEN 6 THEN 'pending' ELSE 'closed' END
                """)
        }
        let (owned, customers) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE owner IS NOT NULL") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0)
        }
        print("fixture_customers=\(customers)")
        print("fixture_owned=\(owned)")
        print("fixture_seconds=\(format(Date().timeIntervalSince(start)))")
    }
}
