import Foundation
import GRDB

extension SQLiteStore {
    /// Gives an ingested benchmark store what a team's store has after months of use: owners and a
    /// mix of statuses (ingest leaves every customer unassigned and every conversation open, which
    /// would make the owner and status filters trivially empty or trivially full). For `rapport-bench`
    /// only; returns (customers with an owner, all customers).
    public func applyBenchFixture() throws -> (owned: Int, customers: Int) {
        try pool.write { db in
            // The generated replies came in through the Maildir, so ingest left them without an author
            // (an agent's address in From is only a claim). A team's store has them as sent through Rapport.
            try db.execute(sql: """
                UPDATE message SET author = (SELECT login FROM agent WHERE email = message.from_address COLLATE NOCASE)
                WHERE direction = 'outbound' AND author IS NULL
                """)
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
            return (try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE owner IS NOT NULL") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0)
        }
    }
}

extension SQLiteStore {
    /// The full-text index's size, for the benchmark's description of a corpus: stored messages,
    /// distinct indexed terms, and (term, message) pairs (the index keeps no positions, so a pair is
    /// a term counted once per message). Read through a temporary fts5vocab 'row' table.
    public func searchIndexStatistics() throws -> (messages: Int, terms: Int, pairs: Int) {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.bench_vocab_row USING fts5vocab(main, message_fts, row)")
            defer { try? db.execute(sql: "DROP TABLE temp.bench_vocab_row") }
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS terms, COALESCE(sum(doc), 0) AS pairs FROM temp.bench_vocab_row")
            return (try Int.fetchOne(db, sql: "SELECT count(*) FROM message") ?? 0, row?["terms"] ?? 0, row?["pairs"] ?? 0)
        }
    }
}
