import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func addMentions(message: MessageRowID, agents: [String]) throws {
        try pool.write { db in
            for agent in agents {
                try db.execute(sql: "INSERT OR IGNORE INTO mention (message_id, agent) VALUES (?, ?)",
                               arguments: [message, agent])
            }
        }
    }

    /// ```sql
    /// mentions of the agent ∪ assignments from the agent to someone else, newest first
    /// ```
    public func forYou(agent: String, limit: Int) throws -> [ForYouItem] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (
                  SELECT 'mention' AS kind, m.date AS at, m.author AS by_agent, m.text AS text, c.customer_id,
                         cu.first_name, cu.last_name, c.id AS conversation_id, c.subject, NULL AS to_owner
                  FROM mention x JOIN message m ON m.id = x.message_id
                  JOIN conversation c ON c.id = m.conversation_id JOIN customer cu ON cu.id = c.customer_id
                  WHERE x.agent = :agent
                  UNION ALL
                  SELECT 'takeover', a.at, a.by_agent, a.note, a.customer_id, cu.first_name, cu.last_name,
                         (SELECT id FROM conversation WHERE customer_id = a.customer_id ORDER BY last_activity DESC, id DESC LIMIT 1),
                         (SELECT subject FROM conversation WHERE customer_id = a.customer_id ORDER BY last_activity DESC, id DESC LIMIT 1),
                         a.to_owner
                  FROM assignment a JOIN customer cu ON cu.id = a.customer_id
                  WHERE a.from_owner = :agent AND a.to_owner IS NOT :agent
                ) ORDER BY at DESC LIMIT :limit
                """, arguments: ["agent": agent, "limit": max(1, limit)]).map { row in
                let name = [row["first_name"] as String? ?? "", row["last_name"] as String? ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                return ForYouItem(kind: ForYouItem.Kind(rawValue: row["kind"]) ?? .mention,
                                  at: Date(timeIntervalSince1970: row["at"]), by: row["by_agent"] ?? "",
                                  text: row["text"], customerID: row["customer_id"], customerName: name,
                                  conversationID: row["conversation_id"], subject: row["subject"], to: row["to_owner"])
            }
        }
    }

    public func forYouReadAt(agent: String) throws -> Date? {
        try pool.read { db in
            try Double.fetchOne(db, sql: "SELECT seen_at FROM for_you_seen WHERE agent = ?", arguments: [agent])
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    public func markForYouRead(agent: String, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO for_you_seen (agent, seen_at) VALUES (?, ?)
                ON CONFLICT (agent) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)
                """, arguments: [agent, at.timeIntervalSince1970])
        }
    }
}
