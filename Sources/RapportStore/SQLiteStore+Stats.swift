import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func teamStats(now: Date, period: DateInterval?) throws -> TeamStats {
        let span: StatementArguments = ["since": period?.start.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude,
                                        "until": period?.end.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude]
        return try pool.read { db in
            var facts = TeamStatsFacts(logins: try Self.logins(db))
            for row in try Row.fetchAll(db, sql: "SELECT owner, count(*) AS n FROM customer WHERE owner IS NOT NULL GROUP BY owner") {
                facts.owned[row["owner"]] = row["n"]
            }
            // Open conversations whose latest customer message has no reply from us yet.
            for row in try Row.fetchAll(db, sql: """
                SELECT cu.owner, count(*) AS n FROM conversation c JOIN customer cu ON cu.id = c.customer_id
                WHERE c.status = 'open' AND cu.owner IS NOT NULL AND c.last_inbound IS NOT NULL
                  AND c.last_inbound >= COALESCE((SELECT max(date) FROM message m
                                                  WHERE m.conversation_id = c.id AND m.direction = 'outbound' AND m.author IS NOT NULL), 0)
                GROUP BY cu.owner
                """) { facts.waiting[row["owner"]] = row["n"] }
            // First reply per conversation: the first outbound message at or after the first inbound one.
            for row in try Row.fetchAll(db, sql: """
                WITH first_in AS (SELECT conversation_id, min(date) AS t FROM message WHERE direction = 'inbound'
                                  GROUP BY conversation_id)
                SELECT f.t, r.date AS reply, r.author FROM first_in f
                JOIN message r ON r.id = (SELECT id FROM message m WHERE m.conversation_id = f.conversation_id
                                          AND m.direction = 'outbound' AND m.author IS NOT NULL AND m.date >= f.t ORDER BY m.date, m.id LIMIT 1)
                WHERE f.t >= :since AND f.t < :until
                """, arguments: span) {
                facts.firstReplies.append(.init(author: row["author"], asked: row["t"], replied: row["reply"]))
            }
            // "Same person": of our messages to an owner's customers, how many the owner wrote.
            for row in try Row.fetchAll(db, sql: """
                SELECT cu.owner, count(*) AS total, sum(m.author = cu.owner) AS same
                FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN customer cu ON cu.id = c.customer_id
                WHERE m.direction = 'outbound' AND m.author IS NOT NULL AND cu.owner IS NOT NULL
                  AND m.date >= :since AND m.date < :until GROUP BY cu.owner
                """, arguments: span) {
                facts.share[row["owner"]] = .init(total: row["total"], same: row["same"])
            }
            return facts.assembled()
        }
    }

    public func quietCustomers(agent: String, days: Int, now: Date) throws -> [QuietCustomer] {
        try pool.read { db in
            let candidates = try Row.fetchAll(db, sql: """
                SELECT cu.id, cu.first_name, cu.last_name, cu.created,
                       (SELECT address FROM customer_address WHERE customer_id = cu.id ORDER BY position LIMIT 1) AS email,
                       (SELECT max(m.date) FROM message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE c.customer_id = cu.id AND m.direction = 'outbound' AND m.author IS NOT NULL) AS last_written,
                       (SELECT id FROM conversation WHERE customer_id = cu.id AND message_count > 0
                        ORDER BY last_activity DESC LIMIT 1) AS last_conversation
                FROM customer cu WHERE cu.owner = ?
                """, arguments: [agent]).map { row in
                QuietCustomers.Candidate(customerID: row["id"], name: Self.name(row["first_name"], row["last_name"]),
                                         email: row["email"], created: row["created"], lastWritten: row["last_written"],
                                         lastConversationID: row["last_conversation"])
            }
            return QuietCustomers.select(candidates, days: days, now: now)
        }
    }
}
