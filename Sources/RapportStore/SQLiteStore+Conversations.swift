import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// Columns of one list row; `:agent` is the agent whose unread marks are shown.
    static let summaryColumns = """
        SELECT c.id, c.customer_id, cu.first_name, cu.last_name, cu.owner, a.first_name AS owner_first,
               c.status, c.last_activity, c.subject, c.message_count,
               (c.last_inbound IS NOT NULL AND c.last_inbound > COALESCE(
                   (SELECT seen_at FROM conversation_seen s WHERE s.conversation_id = c.id AND s.agent = :agent), 0)) AS unread,
               CASE WHEN c.last_inbound IS NULL THEN NULL ELSE
                   (SELECT min(m.date) FROM message m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
                      AND m.date >= COALESCE((SELECT max(o.date) FROM message o WHERE o.conversation_id = c.id
                                              AND o.direction = 'outbound' AND o.author IS NOT NULL), 0)) END AS unanswered_since
        """

    /// One page, newest first, by keyset. The plan is spelled out rather than left to SQLite, which
    /// otherwise sorts every conversation of an owner or status for each page (measured by
    /// scripts/bench: 25–55 ms at 100k messages, ten times that at a million):
    /// - conversations are walked in list order along `conversation_activity` (CROSS JOIN keeps
    ///   them the outer loop; a `+` keeps SQLite from preferring the status or owner index), so a
    ///   page stops after `limit` rows;
    /// - a full-text filter uses the plan `TextFilter` picks for the words typed.
    public func conversations(_ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection,
                              limit: Int, agent: String) throws -> [ConversationSummary] {
        try pool.read { db in
            guard let list = try Self.listQuery(db, query, from: cursor, direction: direction, limit: limit,
                                                agent: agent) else { return [] }
            let page = try list.fetchAll(db).map(ConversationSummary.init(row:))
            return direction == .after ? page : page.reversed()
        }
    }

    /// The SQL of one page, and the matching message ids its full-text test reads, when it reads a set.
    struct ListQuery {
        var sql: String
        var arguments: StatementArguments
        var matching: Set<Int64>?

        /// The rows, with `rapport_matching(id)` answering from `matching` while they are read.
        func fetchAll(_ db: Database) throws -> [Row] {
            guard let matching else { return try Row.fetchAll(db, sql: sql, arguments: arguments) }
            let function = DatabaseFunction("rapport_matching", argumentCount: 1, pure: true) { values in
                Int64.fromDatabaseValue(values[0]).map(matching.contains) ?? false
            }
            db.add(function: function)
            defer { db.remove(function: function) }
            return try Row.fetchAll(db, sql: sql, arguments: arguments)
        }

        /// How many rows the query gives (at most its limit).
        func count(_ db: Database) throws -> Int {
            let counting = ListQuery(sql: "SELECT count(*) AS n, 0 FROM (\(sql))", arguments: arguments, matching: matching)
            return try counting.fetchAll(db).first?["n"] ?? 0
        }
    }

    /// The SQL of one page (nil when the text cannot match anything). `strategy` lets tests compare
    /// the full-text plans; normally `TextFilter` picks one from the index.
    static func listQuery(_ db: Database, _ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection,
                          limit: Int, agent: String, strategy: TextFilter.Strategy? = nil)
        throws -> ListQuery? {
        // Conversations with no message yet (prepared drafts) only show where the query asks for them; one the
        // agent opened with `m` and left unsent shows to them, so the draft is never out of reach.
        var clauses: [String] = query.includeEmpty ? [] : ["""
            (c.message_count > 0 OR EXISTS (SELECT 1 FROM draft d WHERE d.conversation_id = c.id AND d.agent = :agent
                                             AND d.prepared = 0))
            """]
        if !query.includeSnoozed { clauses.append("+c.snoozed_until IS NULL") }
        var args: [String: (any DatabaseValueConvertible)?] = ["agent": agent, "limit": max(1, limit)]
        var from = "conversation c INDEXED BY conversation_activity"
        var matching: Set<Int64>?
        switch query.owner {
        case .anyone: break
        case .unassigned: clauses.append("+cu.owner IS NULL")
        case .agent(let login) where query.alsoOwners.isEmpty:
            clauses.append("+cu.owner = :owner"); args["owner"] = login
        case .agent(let login):
            let owners = [login] + query.alsoOwners
            clauses.append("+cu.owner IN (\(owners.indices.map { ":owner\($0)" }.joined(separator: ",")))")
            for (i, owner) in owners.enumerated() { args["owner\(i)"] = owner }
        }
        if try fewCustomers(db, query.owner, also: query.alsoOwners) {
            // Walking every conversation to find the few of a rare owner (at a million messages only
            // a handful of customers are unassigned) took 150 ms: start from their customers instead.
            from = "customer cu INDEXED BY customer_owner CROSS JOIN conversation c ON c.customer_id = cu.id"
        }
        if let statuses = query.statuses, statuses.count < ConversationStatus.allCases.count {
            let list = statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            clauses.append("+c.status IN (\(list))")
        }
        if let text = query.text {
            // The conversations of customers whose name or address starts with the text match too
            // (ids written into the SQL: integers read from the store, a few hundred at most).
            let customers = try matchingCustomerIDs(db, text, limit: searchCustomerLimit)
            let ofCustomers = customers.isEmpty ? nil
                : "c.customer_id IN (\(customers.map(String.init).joined(separator: ",")))"
            func either(_ clause: String) -> String { ofCustomers.map { "(\(clause) OR \($0))" } ?? clause }
            switch try TextFilter.plan(db, text: text, forcing: strategy) {
            case nil:
                if let ofCustomers { from = "conversation c"; clauses.append(ofCustomers) }
            case .nothing:
                guard let ofCustomers else { return nil }
                from = "conversation c"
                clauses.append(ofCustomers)
            case let .selective(match):
                // The matching messages' conversations drive the query; they are few, then sorted.
                from = "conversation c"
                clauses.append(either("""
                    c.id IN (SELECT m.conversation_id FROM message_fts f
                             JOIN message m INDEXED BY message_id_conversation ON m.id = f.rowid
                             WHERE message_fts MATCH :match)
                    """))
                args["match"] = match
            case let .marked(messages):
                // Tested per conversation like `dense`, against the ids read once from the index.
                clauses.append(either("""
                    EXISTS (SELECT 1 FROM message m INDEXED BY message_conversation
                            WHERE m.conversation_id = c.id AND cu.id = c.customer_id AND rapport_matching(m.id))
                    """))
                matching = messages
            case let .dense(match):
                // Tested per conversation, after the owner and status checks: `cu.id = c.customer_id`
                // ties the subquery to the customer row so SQLite evaluates it after that join.
                clauses.append(either("""
                    EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND cu.id = c.customer_id
                            AND EXISTS (SELECT 1 FROM message_fts f WHERE message_fts MATCH :match AND f.rowid = m.id))
                    """))
                args["match"] = match
            }
        }
        if let cursor {
            args["at"] = cursor.lastActivity.timeIntervalSince1970
            args["id"] = cursor.id
            clauses.append(direction == .after ? "(c.last_activity, c.id) < (:at, :id)" : "(c.last_activity, c.id) > (:at, :id)")
        }
        let order = direction == .after ? "c.last_activity DESC, c.id DESC" : "c.last_activity ASC, c.id ASC"
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let joins = from.hasPrefix("customer") ? from : "\(from) CROSS JOIN customer cu ON cu.id = c.customer_id"
        let sql = """
            \(Self.summaryColumns)
            FROM \(joins) LEFT JOIN agent a ON a.login = cu.owner
            \(whereSQL) ORDER BY \(order) LIMIT :limit
            """
        return ListQuery(sql: sql, arguments: StatementArguments(args), matching: matching)
    }

    /// Whether an owner filter keeps at most one customer in fifty (and at most a few hundred), so
    /// their conversations are best found from the customers and sorted, rather than by walking the
    /// whole list in order. Reads at most that many entries of the owner index.
    static func fewCustomers(_ db: Database, _ owner: OwnerFilter, also: [String] = []) throws -> Bool {
        let condition: String
        var arguments: StatementArguments = []
        switch owner {
        case .anyone: return false
        case .unassigned: condition = "owner IS NULL"
        case .agent(let login):
            let owners = [login] + also
            condition = "owner IN (\(owners.map { _ in "?" }.joined(separator: ",")))"
            arguments = StatementArguments(owners)
        }
        let customers = try Int.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0
        let limit = min(500, max(20, customers / 50))
        arguments += [limit]
        let count = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM (SELECT 1 FROM customer INDEXED BY customer_owner WHERE \(condition) LIMIT ?)
            """), arguments: arguments) ?? 0
        return count < limit
    }

    public func conversation(id: ConversationID) throws -> Conversation? {
        try pool.read { db in try Self.conversation(db, id: id) }
    }

    public func counts(agent: String) throws -> InboxCounts {
        try pool.read { db in
            // Customers first (by owner), then their conversations from a covering index: SQLite's own
            // choice walked every open conversation and looked its customer up (30 ms at 100k messages).
            let row = try Row.fetchOne(db, sql: """
                SELECT
                  (SELECT count(*) FROM customer cu CROSS JOIN conversation c ON c.customer_id = cu.id
                     WHERE cu.owner = :agent AND c.status IN ('open','pending') AND c.message_count > 0
                       AND c.snoozed_until IS NULL) AS mine,
                  (SELECT count(*) FROM customer cu CROSS JOIN conversation c ON c.customer_id = cu.id
                     WHERE cu.owner IS NULL AND c.status IN ('open','pending') AND c.message_count > 0
                       AND c.snoozed_until IS NULL) AS unassigned,
                  (SELECT count(*) FROM customer cu CROSS JOIN conversation c ON c.customer_id = cu.id
                     WHERE cu.owner = :agent AND c.status = 'pending' AND c.snoozed_until IS NULL) AS pending
                """, arguments: ["agent": agent])!
            return InboxCounts(mine: row["mine"], unassigned: row["unassigned"], pending: row["pending"])
        }
    }

    public func openConversationCounts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT cu.owner, count(*) AS n FROM customer cu INDEXED BY customer_owner
                CROSS JOIN conversation c ON c.customer_id = cu.id
                WHERE cu.owner IS NOT NULL AND c.status = 'open' AND c.message_count > 0 GROUP BY cu.owner
                """) { counts[row["owner"]] = row["n"] }
            return counts
        }
    }

    public func setStatus(_ status: ConversationStatus, conversation: ConversationID) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE conversation SET status = ? WHERE id = ?", arguments: [status.rawValue, conversation])
            if db.changesCount == 0 { throw RapportError.unknownConversation(conversation) }
        }
    }

    public func markSeen(conversation: ConversationID, agent: String, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO conversation_seen (conversation_id, agent, seen_at) VALUES (?, ?, ?)
                ON CONFLICT (conversation_id, agent) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)
                """, arguments: [conversation, agent, at.timeIntervalSince1970])
        }
    }

    public func markUnread(conversation: ConversationID, agent: String) throws {
        try pool.write { db in
            guard try Self.conversation(db, id: conversation) != nil else { throw RapportError.unknownConversation(conversation) }
            try db.execute(sql: "DELETE FROM conversation_seen WHERE conversation_id = ? AND agent = ?",
                           arguments: [conversation, agent])
        }
    }

    @discardableResult
    public func startConversation(customer: CustomerID, subject: String, at: Date) throws -> Conversation {
        try pool.write { db in try Self.startConversation(db, customer: customer, subject: subject, at: at) }
    }

    static func startConversation(_ db: Database, customer: CustomerID, subject: String, at: Date) throws -> Conversation {
        guard try Self.customer(db, id: customer) != nil else { throw RapportError.unknownCustomer("#\(customer)") }
        let id = try insertConversation(db, customer: customer, subject: subject, normalized: Subject.normalized(subject),
                                        at: at.timeIntervalSince1970)
        return try conversation(db, id: id)!
    }

    /// A new open conversation row, for a customer the caller knows exists.
    static func insertConversation(_ db: Database, customer: CustomerID, subject: String, normalized: String,
                                   at: Double) throws -> ConversationID {
        try db.runDirect("""
            INSERT INTO conversation (customer_id, subject, normalized_subject, status, created, last_activity)
            VALUES (?1, ?2, ?3, 'open', ?4, ?4)
            """, .integer(customer), .text(subject), .text(normalized), .real(at))
        return db.lastInsertedRowID
    }

    static func conversation(_ db: Database, id: ConversationID) throws -> Conversation? {
        try Row.fetchOne(db, sql: "SELECT * FROM conversation WHERE id = ?", arguments: [id]).map(Conversation.init(row:))
    }
}

extension Conversation {
    init(row: Row) {
        self.init(id: row["id"], customerID: row["customer_id"], subject: row["subject"],
                  status: ConversationStatus(rawValue: row["status"]) ?? .open,
                  snoozedUntil: (row["snoozed_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
                  lastActivity: Date(timeIntervalSince1970: row["last_activity"]))
    }
}

extension ConversationSummary {
    init(row: Row) {
        let first: String = row["first_name"], last: String = row["last_name"]
        self.init(id: row["id"], customerID: row["customer_id"],
                  customerName: [first, last].filter { !$0.isEmpty }.joined(separator: " "),
                  ownerLogin: row["owner"], ownerFirstName: row["owner_first"],
                  status: ConversationStatus(rawValue: row["status"]) ?? .open,
                  lastActivity: Date(timeIntervalSince1970: row["last_activity"]), subject: row["subject"],
                  unread: row["unread"], messageCount: row["message_count"],
                  unansweredSince: (row["unanswered_since"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

extension SQLiteStore {
    /// Marks every conversation read by `agent` up to `at` (used when seeding the demo).
    public func markAllSeen(agent: String, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO conversation_seen (conversation_id, agent, seen_at) SELECT id, ?, ? FROM conversation WHERE true
                ON CONFLICT (conversation_id, agent) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)
                """, arguments: [agent, at.timeIntervalSince1970])
        }
    }
}
