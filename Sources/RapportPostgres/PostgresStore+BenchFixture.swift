import Foundation

extension PostgresStore {
    /// The benchmark fixture of `SQLiteStore.applyBenchFixture`, in PostgreSQL's SQL: owners from the
    /// agent who answered last, one customer in ten unassigned, a spread of statuses. For
    /// `rapport-bench` only; returns (customers with an owner, all customers).
    public func applyBenchFixture() throws -> (owned: Int, customers: Int) {
        let counts = try write { db in
            try db.execute("""
                UPDATE message SET author = (SELECT login FROM agent WHERE lower(email) = lower(message.from_address))
                WHERE direction = 'outbound' AND author IS NULL
                """)
            try db.execute("""
                UPDATE customer SET owner = CASE WHEN id % 10 = 0 THEN NULL ELSE (
                    SELECT m.author FROM conversation c JOIN message m ON m.conversation_id = c.id
                    WHERE c.customer_id = customer.id AND m.direction = 'outbound'
                    ORDER BY m.date DESC LIMIT 1) END
                """)
            try db.execute("""
                INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at)
                SELECT id, NULL, owner, owner, NULL, created FROM customer WHERE owner IS NOT NULL
                """)
            try db.execute("""
                UPDATE conversation SET status = CASE (id * 7919) % 10
                    WHEN 0 THEN 'open' WHEN 1 THEN 'open' WHEN 2 THEN 'open' WHEN 3 THEN 'open' WHEN 4 THEN 'open'
                    WHEN 5 THEN 'pending' WHEN 6 THEN 'pending' ELSE 'closed' END
                """)
            return (Int(try db.value("SELECT count(*) FROM customer WHERE owner IS NOT NULL", as: Int64.self) ?? 0),
                    Int(try db.value("SELECT count(*) FROM customer", as: Int64.self) ?? 0))
        }
        // The store as a team's autovacuum keeps it after a bulk change: the updates above left a dead
        // version of half the messages and their search entries in the GIN index's pending list, which
        // every search would otherwise scan; and the planner's statistics. (VACUUM runs outside a transaction.)
        try readStatement { db in _ = try db.execute("VACUUM (ANALYZE)") }
        return counts
    }
}
