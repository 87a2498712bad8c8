import Foundation
import RapportCore

extension PostgresStore {
    public func addMentions(message: MessageRowID, agents: [String]) throws {
        try write { db in
            for agent in agents {
                try db.execute("INSERT INTO mention (message_id, agent) VALUES ($1, $2) ON CONFLICT DO NOTHING", [message, agent])
            }
        }
    }

    /// Mentions of the agent and assignments from the agent to someone else, newest first.
    public func forYou(agent: String, limit: Int) throws -> [ForYouItem] {
        try read { db in
            try db.rows("""
                SELECT * FROM (
                  SELECT 'mention' AS kind, m.date AS at, m.author AS by_agent, m.text AS text, c.customer_id,
                         cu.first_name, cu.last_name, c.id AS conversation_id, c.subject, NULL::text AS to_owner
                  FROM mention x JOIN message m ON m.id = x.message_id
                  JOIN conversation c ON c.id = m.conversation_id JOIN customer cu ON cu.id = c.customer_id
                  WHERE x.agent = $1
                  UNION ALL
                  SELECT 'takeover', a.at, a.by_agent, a.note, a.customer_id, cu.first_name, cu.last_name,
                         (SELECT id FROM conversation WHERE customer_id = a.customer_id ORDER BY last_activity DESC, id DESC LIMIT 1),
                         (SELECT subject FROM conversation WHERE customer_id = a.customer_id ORDER BY last_activity DESC, id DESC LIMIT 1),
                         a.to_owner
                  FROM assignment a JOIN customer cu ON cu.id = a.customer_id
                  WHERE a.from_owner = $1 AND a.to_owner IS DISTINCT FROM $1
                ) items ORDER BY at DESC LIMIT $2
                """, [agent, max(1, limit)]).map { row in
                let name = [row["first_name"] as String? ?? "", row["last_name"] as String? ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                return ForYouItem(kind: ForYouItem.Kind(rawValue: row["kind"]) ?? .mention, at: row.date("at"),
                                  by: row["by_agent"] as String? ?? "", text: row["text"], customerID: row["customer_id"],
                                  customerName: name, conversationID: row["conversation_id"], subject: row["subject"],
                                  to: row["to_owner"])
            }
        }
    }

    public func forYouReadAt(agent: String) throws -> Date? {
        try read { db in
            try db.value("SELECT seen_at FROM for_you_seen WHERE agent = $1", [agent], as: Double.self)
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    public func markForYouRead(agent: String, at: Date) throws {
        try write { db in
            try db.execute("""
                INSERT INTO for_you_seen (agent, seen_at) VALUES ($1, $2)
                ON CONFLICT (agent) DO UPDATE SET seen_at = greatest(for_you_seen.seen_at, excluded.seen_at)
                """, [agent, at.timeIntervalSince1970])
        }
    }
}
