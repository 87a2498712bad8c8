import Foundation
import RapportCore

/// Ingest a batch in a dozen statements whatever its size: each statement is a round trip to the
/// server, and one message at a time took five (DECISIONS.md, "PostgreSQL ingest by the batch").
/// The questions the rules can ask are read first (`IngestQuestions`), the rules decide every file
/// from those answers (`IngestBatchPlan`), then each table gets its rows in one statement, from JSON
/// read by `json_populate_recordset` into the table's own row type.
extension PostgresStore {
    static func ingestPlanned(_ db: PostgresSession, _ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome] {
        try db.execute("SET LOCAL synchronous_commit = off")
        let questions = IngestQuestions(batch)
        let facts = PrefetchedIngestFacts(questions: questions, answers: try answers(db, questions))
        let provisional = try IngestBatchPlan(batch, rules: rules, facts: facts)
        let ids = try db.row("""
            SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('customer', 'id')) FROM generate_series(1, $1)) AS customers,
                   ARRAY(SELECT nextval(pg_get_serial_sequence('conversation', 'id')) FROM generate_series(1, $2)) AS conversations,
                   ARRAY(SELECT nextval(pg_get_serial_sequence('message', 'id')) FROM generate_series(1, $3)) AS messages
            """, [provisional.customers.count, provisional.conversations.count, provisional.messages.count])!
        let plan = provisional.resolved(customers: ids["customers"], conversations: ids["conversations"], messages: ids["messages"])
        try write(db, plan)
        return plan.outcomes
    }

    /// Everything `questions` can ask, in six statements.
    static func answers(_ db: PostgresSession, _ questions: IngestQuestions) throws -> IngestAnswers {
        let agents = try agentsByAddress(db)
        let stored = try db.rows("SELECT DISTINCT message_id FROM message WHERE message_id = ANY($1)",
                                 [Array(questions.messageIDs)]).map { $0[0] as String }
        let seen = try db.rows("SELECT DISTINCT dedup_key FROM ingest_seen WHERE dedup_key = ANY($1)",
                               [Array(questions.dedupKeys)]).map { $0[0] as String }
        // Keyed by the address as asked; matched whatever its case, as `customerID(_:address:)` does.
        var customers: [String: CustomerID] = [:]
        for row in try db.rows("""
            SELECT q.address, a.customer_id FROM unnest($1::text[]) AS q(address)
            JOIN customer_address a ON lower(a.address) = lower(q.address)
            """, [Array(questions.addresses)]) {
            customers[row[0]] = row[1]
        }
        var holders: [String: [IngestAnswers.Holder]] = [:]
        for row in try db.rows("""
            SELECT m.message_id, m.conversation_id, c.customer_id FROM message m JOIN conversation c ON c.id = m.conversation_id
            WHERE m.message_id = ANY($1)
            """, [Array(questions.referencedIDs)]) {
            holders[row[0], default: []].append(IngestAnswers.Holder(conversation: row[1], customer: row[2]))
        }
        let conversations = try db.rows("""
            SELECT id, customer_id, normalized_subject, last_activity FROM conversation
            WHERE customer_id = ANY($1) AND normalized_subject = ANY($2)
            """, [Array(Set(customers.values)), Array(questions.subjects)]).map {
            IngestAnswers.KnownConversation(id: $0["id"], customer: $0["customer_id"], normalizedSubject: $0["normalized_subject"],
                                            lastActivity: $0["last_activity"])
        }
        return IngestAnswers(storedMessageIDs: Set(stored), seenDedupKeys: Set(seen), agents: agents, customers: customers,
                             holders: holders, conversations: conversations)
    }

    /// The plan's rows, a statement per table; the change feed's triggers log them as any write.
    static func write(_ db: PostgresSession, _ plan: IngestBatchPlan) throws {
        if !plan.customers.isEmpty {
            try db.execute("""
                WITH new AS (SELECT * FROM json_to_recordset($1::json)
                             AS x(id bigint, address text, first_name text, last_name text, name_guessed boolean, created double precision)),
                customers AS (
                INSERT INTO customer (id, first_name, last_name, created, name_guessed)
                SELECT id, first_name, last_name, created, name_guessed FROM new)
                INSERT INTO customer_address (address, customer_id, position) SELECT address, id, 0 FROM new
                """, [json(plan.customers.map(CustomerRow.init))])
        }
        if !plan.conversations.isEmpty {
            try db.execute("""
                INSERT INTO conversation (id, customer_id, subject, normalized_subject, status, created, last_activity)
                SELECT id, customer_id, subject, normalized_subject, 'open', created, created
                FROM json_populate_recordset(NULL::conversation, $1::json)
                """, [json(plan.conversations.map(ConversationRow.init))])
        }
        if !plan.messages.isEmpty {
            try db.execute("""
                INSERT INTO message (id, conversation_id, direction, author, from_address, to_addresses, cc_addresses,
                                     reply_to_addresses, subject, text, message_id, in_reply_to, refs, date, attachments, source_path)
                SELECT id, conversation_id, direction, author, from_address, to_addresses, cc_addresses,
                       reply_to_addresses, subject, text, message_id, in_reply_to, refs, date, attachments, source_path
                FROM json_populate_recordset(NULL::message, $1::json)
                """, [json(plan.messages.map(MessageRow.init))])
            // As `insertMessage` does for each message (`IngestBatchPlan.ConversationChange`).
            try db.execute("""
                UPDATE conversation c SET message_count = c.message_count + x.messages,
                    last_activity = greatest(c.last_activity, x.last_activity),
                    last_inbound = CASE WHEN x.last_inbound IS NULL THEN c.last_inbound
                                        ELSE greatest(COALESCE(c.last_inbound, 0), x.last_inbound) END,
                    status = CASE WHEN x.last_inbound IS NULL THEN c.status ELSE '\(ConversationStatus.whenTheCustomerWrites.rawValue)' END,
                    snoozed_until = CASE WHEN x.last_inbound IS NULL THEN c.snoozed_until END
                FROM json_to_recordset($1::json) AS x(id bigint, messages integer, last_activity double precision,
                                                      last_inbound double precision)
                WHERE c.id = x.id
                """, [json(plan.conversationChanges.map(ConversationChangeRow.init))])
            let writtenTo = plan.customersWrittenTo
            if !writtenTo.isEmpty {
                try db.execute("UPDATE customer SET is_existing = true WHERE id = ANY($1) AND NOT is_existing", [writtenTo])
            }
        }
        // One record per file; were a file twice in a batch, the later record is the one kept.
        var seen: [String: SeenRow] = [:]
        for record in plan.seen { seen[record.key] = SeenRow(record) }
        try db.execute("""
            INSERT INTO ingest_seen (seen_key, path, dedup_key, message_id, outcome, reason, at)
            SELECT seen_key, path, dedup_key, message_id, outcome, reason, $2::double precision FROM json_populate_recordset(NULL::ingest_seen, $1::json)
            ON CONFLICT (seen_key) DO UPDATE SET path = excluded.path, outcome = excluded.outcome, reason = excluded.reason
            """, [json(Array(seen.values)), Date().timeIntervalSince1970])
    }

    private static func json<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }
}

// The rows as JSON objects named like the tables' columns.

private struct CustomerRow: Encodable {
    let id: CustomerID, address: String, first_name: String, last_name: String, name_guessed: Bool, created: Double
    init(_ c: IngestBatchPlan.NewCustomer) {
        (id, address, first_name, last_name, name_guessed, created) = (c.id, c.address, c.firstName, c.lastName, c.nameIsGuess, c.created)
    }
}

private struct ConversationRow: Encodable {
    let id: ConversationID, customer_id: CustomerID, subject: String, normalized_subject: String, created: Double
    init(_ c: IngestBatchPlan.NewConversation) {
        (id, customer_id, subject, normalized_subject, created) = (c.id, c.customer, c.subject, c.normalizedSubject, c.created)
    }
}

private struct MessageRow: Encodable {
    let id: MessageRowID, conversation_id: ConversationID, direction: String, author: String?, from_address: String
    let to_addresses: String, cc_addresses: String, reply_to_addresses: String, subject: String, text: String
    let message_id: String?, in_reply_to: String?, refs: String, date: Double, attachments: String, source_path: String
    init(_ m: IngestBatchPlan.StoredMessage) {
        id = m.id; conversation_id = m.conversation; direction = m.direction.rawValue; author = m.author
        from_address = m.mail.fromAddress; to_addresses = JSONText.encode(m.mail.to); cc_addresses = JSONText.encode(m.mail.cc)
        reply_to_addresses = JSONText.encode(m.mail.replyTo); subject = m.mail.subject; text = m.mail.text
        message_id = m.mail.messageID; in_reply_to = m.mail.inReplyTo; refs = JSONText.encode(m.mail.references)
        date = m.mail.date.timeIntervalSince1970; attachments = JSONText.encode(m.mail.attachments); source_path = m.mail.path
    }
}

private struct ConversationChangeRow: Encodable {
    let id: ConversationID, messages: Int, last_activity: Double?, last_inbound: Double?
    init(_ c: IngestBatchPlan.ConversationChange) {
        (id, messages, last_activity, last_inbound) = (c.conversation, c.messages, c.lastActivity, c.lastInbound)
    }
}

private struct SeenRow: Encodable {
    let seen_key: String, path: String, dedup_key: String?, message_id: MessageRowID?, outcome: String, reason: String?
    init(_ s: IngestBatchPlan.Seen) {
        (seen_key, path, dedup_key, message_id, outcome, reason) = (s.key, s.path, s.dedupKey, s.message, s.outcome.rawValue, s.reason)
    }
}
