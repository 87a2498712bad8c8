import Foundation
import RapportCore

extension PostgresStore {
    /// One page, newest first, by keyset on (last_activity, id); PostgreSQL's planner picks the
    /// index (conversation_activity, or the owner's customers, or the search index) itself.
    public func conversations(_ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection,
                              limit: Int, agent: String) throws -> [ConversationSummary] {
        try read { db in
            guard let list = try Self.listQuery(db, query, from: cursor, direction: direction, limit: limit, agent: agent) else {
                return []
            }
            let page = try db.rows(list.sql, list.arguments).map(ConversationSummary.init(row:))
            return direction == .after ? page : page.reversed()
        }
    }

    /// Columns of one list row; `$1` is the agent whose unread marks are shown.
    static let summaryColumns = """
        SELECT c.id, c.customer_id, cu.first_name, cu.last_name, cu.owner, a.first_name AS owner_first,
               c.status, c.last_activity, c.subject, c.message_count,
               (c.last_inbound IS NOT NULL AND c.last_inbound > COALESCE(
                   (SELECT seen_at FROM conversation_seen s WHERE s.conversation_id = c.id AND s.agent = $1), 0)) AS unread,
               CASE WHEN c.last_inbound IS NULL THEN NULL ELSE
                   (SELECT min(m.date) FROM message m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
                      AND m.date >= COALESCE((SELECT max(o.date) FROM message o WHERE o.conversation_id = c.id
                                              AND o.direction = 'outbound' AND o.author IS NOT NULL), 0)) END
                   AS unanswered_since
        """

    /// The SQL of one page (`$1` the agent, `$2` the limit) and its arguments; nil when the text
    /// cannot match anything.
    static func listQuery(_ db: PostgresSession, _ query: ConversationQuery, from cursor: PageCursor?,
                          direction: PageDirection, limit: Int, agent: String) throws -> (sql: String, arguments: [SQLArgument])? {
        var arguments: [SQLArgument] = [agent, max(1, limit)]
        func parameter(_ value: SQLArgument) -> String {
            arguments.append(value)
            return "$\(arguments.count)"
        }
        // Conversations with no message yet (prepared drafts) only show where the query asks for them; one the
        // agent opened with `m` and left unsent shows to them, so the draft is never out of reach.
        var clauses: [String] = query.includeEmpty ? [] : ["""
            (c.message_count > 0 OR EXISTS (SELECT 1 FROM draft d WHERE d.conversation_id = c.id AND d.agent = $1
                                             AND NOT d.prepared))
            """]
        if !query.includeSnoozed { clauses.append("c.snoozed_until IS NULL") }
        switch query.owner {
        case .anyone: break
        case .unassigned: clauses.append("cu.owner IS NULL")
        case .agent(let login):
            // With the away agents the viewer covers for (`alsoOwners`), their customers too.
            let owners = ([login] + query.alsoOwners).map { parameter($0) }
            clauses.append(owners.count == 1 ? "cu.owner = \(owners[0])" : "cu.owner IN (\(owners.joined(separator: ",")))")
        }
        if let statuses = query.statuses, statuses.count < ConversationStatus.allCases.count {
            let list = statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            clauses.append("c.status IN (\(list == "" ? "NULL" : list))")
        }
        if let text = query.text {
            // The conversations of customers whose name or address starts with the text match too
            // (ids written into the SQL: integers read from the store, a few hundred at most).
            let customers = try matchingCustomerIDs(db, text, limit: searchCustomerLimit)
            let ofCustomers = customers.isEmpty ? nil
                : "c.customer_id IN (\(customers.map(String.init).joined(separator: ",")))"
            if let words = try SearchWords.query(db, text) {
                let ofMessages = """
                    c.id IN (SELECT m.conversation_id FROM message m
                             WHERE m.search_vector @@ to_tsquery('pg_catalog.simple', \(parameter(words))))
                    """
                clauses.append(ofCustomers.map { "(\(ofMessages) OR \($0))" } ?? ofMessages)
            } else if let ofCustomers {
                clauses.append(ofCustomers)
            }
        }
        if let cursor {
            let at = parameter(cursor.lastActivity.timeIntervalSince1970), id = parameter(cursor.id)
            clauses.append(direction == .after ? "(c.last_activity, c.id) < (\(at), \(id))"
                                               : "(c.last_activity, c.id) > (\(at), \(id))")
        }
        let order = direction == .after ? "c.last_activity DESC, c.id DESC" : "c.last_activity ASC, c.id ASC"
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            \(summaryColumns)
            FROM conversation c JOIN customer cu ON cu.id = c.customer_id LEFT JOIN agent a ON a.login = cu.owner
            \(whereSQL) ORDER BY \(order) LIMIT $2
            """
        return (sql, arguments)
    }

    public func conversation(id: ConversationID) throws -> Conversation? {
        try readStatement { db in try Self.conversation(db, id: id) }
    }

    public func counts(agent: String) throws -> InboxCounts {
        try read { db in
            let row = try db.row("""
                SELECT
                  count(*) FILTER (WHERE cu.owner = $1 AND c.status IN ('open','pending') AND c.message_count > 0) AS mine,
                  count(*) FILTER (WHERE cu.owner IS NULL AND c.status IN ('open','pending') AND c.message_count > 0) AS unassigned,
                  count(*) FILTER (WHERE cu.owner = $1 AND c.status = 'pending') AS pending
                FROM customer cu JOIN conversation c ON c.customer_id = cu.id
                WHERE (cu.owner = $1 OR cu.owner IS NULL) AND c.status IN ('open', 'pending') AND c.snoozed_until IS NULL
                """, [agent])!
            return InboxCounts(mine: row["mine"], unassigned: row["unassigned"], pending: row["pending"])
        }
    }

    public func openConversationCounts() throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try db.rows("""
                SELECT cu.owner, count(*) AS n FROM customer cu JOIN conversation c ON c.customer_id = cu.id
                WHERE cu.owner IS NOT NULL AND c.status = 'open' AND c.message_count > 0 GROUP BY cu.owner
                """) { counts[row["owner"]] = row["n"] }
            return counts
        }
    }

    public func setStatus(_ status: ConversationStatus, conversation: ConversationID) throws {
        try write { db in
            let changed = try db.execute("UPDATE conversation SET status = $1 WHERE id = $2", [status.rawValue, conversation]).changes
            if changed == 0 { throw RapportError.unknownConversation(conversation) }
        }
    }

    public func markSeen(conversation: ConversationID, agent: String, at: Date) throws {
        try write { db in
            try db.execute("""
                INSERT INTO conversation_seen (conversation_id, agent, seen_at) VALUES ($1, $2, $3)
                ON CONFLICT (conversation_id, agent) DO UPDATE SET seen_at = greatest(conversation_seen.seen_at, excluded.seen_at)
                """, [conversation, agent, at.timeIntervalSince1970])
        }
    }

    public func markUnread(conversation: ConversationID, agent: String) throws {
        try write { db in
            guard try Self.conversation(db, id: conversation) != nil else { throw RapportError.unknownConversation(conversation) }
            try db.execute("DELETE FROM conversation_seen WHERE conversation_id = $1 AND agent = $2", [conversation, agent])
        }
    }

    /// Marks every conversation read by `agent` up to `at` (used when seeding the demo).
    public func markAllSeen(agent: String, at: Date) throws {
        try write { db in
            try db.execute("""
                INSERT INTO conversation_seen (conversation_id, agent, seen_at) SELECT id, $1, $2 FROM conversation
                ON CONFLICT (conversation_id, agent) DO UPDATE SET seen_at = greatest(conversation_seen.seen_at, excluded.seen_at)
                """, [agent, at.timeIntervalSince1970])
        }
    }

    @discardableResult
    public func startConversation(customer: CustomerID, subject: String, at: Date) throws -> Conversation {
        try write { db in try Self.startConversation(db, customer: customer, subject: subject, at: at) }
    }

    static func startConversation(_ db: PostgresSession, customer: CustomerID, subject: String, at: Date) throws -> Conversation {
        guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
        let id = try insertConversation(db, customer: customer, subject: subject, normalized: Subject.normalized(subject),
                                        at: at.timeIntervalSince1970)
        return try conversation(db, id: id)!
    }

    /// A new open conversation row, for a customer the caller knows exists.
    static func insertConversation(_ db: PostgresSession, customer: CustomerID, subject: String, normalized: String,
                                   at: Double) throws -> ConversationID {
        try db.value("""
            INSERT INTO conversation (customer_id, subject, normalized_subject, status, created, last_activity)
            VALUES ($1, $2, $3, 'open', $4, $4) RETURNING id
            """, [customer, subject, normalized, at])!
    }

    static func conversation(_ db: PostgresSession, id: ConversationID) throws -> Conversation? {
        try db.row("SELECT * FROM conversation WHERE id = $1", [id]).map(Conversation.init(row:))
    }
}

/// Turns what a person types into a tsquery with the search's semantics: the text is cut into words
/// by the same function that cuts the messages (`rapport_search_words`: accents and case removed,
/// punctuation a separator), every word must match and the last as a prefix. Each word is quoted,
/// so `&`, `|`, `!`, `:*` or `OR` typed by a user are just text (punctuation is gone by then anyway).
enum SearchWords {
    /// nil when the text holds no word (then nothing is filtered, as on SQLite).
    static func query(_ db: PostgresSession, _ text: String) throws -> String? {
        let cut = try db.value("SELECT rapport_search_words($1)", [text], as: String.self) ?? ""
        let words = cut.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let last = words.last else { return nil }
        return (words.dropLast().map(quoted) + [quoted(last) + ":*"]).joined(separator: " & ")
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension Conversation {
    init(row: SQLRow) {
        self.init(id: row["id"], customerID: row["customer_id"], subject: row["subject"],
                  status: ConversationStatus(rawValue: row["status"]) ?? .open,
                  snoozedUntil: row.dateIfAny("snoozed_until"), lastActivity: row.date("last_activity"))
    }
}

extension ConversationSummary {
    init(row: SQLRow) {
        let first: String = row["first_name"], last: String = row["last_name"]
        self.init(id: row["id"], customerID: row["customer_id"],
                  customerName: [first, last].filter { !$0.isEmpty }.joined(separator: " "),
                  ownerLogin: row["owner"], ownerFirstName: row["owner_first"],
                  status: ConversationStatus(rawValue: row["status"]) ?? .open,
                  lastActivity: row.date("last_activity"), subject: row["subject"],
                  unread: row["unread"], messageCount: row["message_count"],
                  unansweredSince: row.dateIfAny("unanswered_since"))
    }
}
