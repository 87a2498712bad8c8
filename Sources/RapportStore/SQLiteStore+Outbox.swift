import Foundation
import GRDB
import RapportCore

extension SQLiteStore: OutboxStore {
    public func queueReply(conversation: ConversationID, agent login: String, text: String, at: Date) throws -> OutboxItem {
        try pool.write { db in
            guard let conversation = try Self.conversation(db, id: conversation) else {
                throw RapportError.unknownConversation(conversation)
            }
            guard let agent = try Self.agent(db, login: login) else {
                throw RapportError.unknownAgent(login, known: try Self.logins(db))
            }
            guard let customer = try Self.customer(db, id: conversation.customerID) else {
                throw RapportError.unknownCustomer("#\(conversation.customerID)")
            }
            // Only the owner writes to a customer; nobody writes from an address that cannot be answered.
            guard customer.owner == agent.login else {
                throw RapportError.notOwner(customer: customer.fullName, owner: customer.owner)
            }
            if NoReply.isNoReplyAddress(agent.email) { throw RapportError.noReplyAddress(agent.email) }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw RapportError.invalid("an empty reply is not sent")
            }
            let to = try String.fetchOne(db, sql: """
                SELECT m.from_address FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.customer_id = ? AND m.direction = 'inbound' ORDER BY m.date DESC, m.id DESC LIMIT 1
                """, arguments: [customer.id]) ?? customer.primaryEmail
            // Thread under the newest message of the conversation that has a Message-ID.
            let parent = try Row.fetchOne(db, sql: """
                SELECT message_id, in_reply_to, refs FROM message WHERE conversation_id = ? AND message_id IS NOT NULL
                AND direction != 'note' ORDER BY date DESC, id DESC LIMIT 1
                """, arguments: [conversation.id])
            let parentID: String? = parent?["message_id"]
            // RFC 5322 3.6.4: the parent's References, else its In-Reply-To, then the parent itself.
            var references: [String] = JSONColumn.decode(parent?["refs"] as String?) ?? []
            if references.isEmpty, let inReplyTo = parent?["in_reply_to"] as String? { references = [inReplyTo] }
            if let parentID { references.append(parentID) }
            let domain = agent.email.split(separator: "@").last.map(String.init) ?? "localhost"
            let message = try Self.appendMessage(db, NewMessage(
                conversationID: conversation.id, direction: .outbound, author: agent.login, from: agent.email,
                to: [to], subject: Subject.reply(to: conversation.subject), text: text,
                messageID: "\(UUID().uuidString.lowercased())@\(domain)", inReplyTo: parentID,
                references: Array(references.suffix(20)), date: at))
            try db.execute(sql: """
                INSERT INTO outbox (message_id, agent, to_address, state, queued, updated) VALUES (?, ?, ?, 'queued', ?, ?)
                """, arguments: [message.id, agent.login, to, at.timeIntervalSince1970, at.timeIntervalSince1970])
            // The draft this reply came from goes in the same transaction: a crash can not bring back sent text.
            try Self.deleteDraft(db, conversation: conversation.id, agent: agent.login)
            return try Self.outboxItem(db, id: db.lastInsertedRowID)!
        }
    }

    public func outbox(states: Set<OutboxState>) throws -> [OutboxItem] {
        try pool.read { db in
            let list = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
            guard !list.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: "\(Self.outboxSelect) WHERE o.state IN (\(list)) ORDER BY o.id")
                .map(OutboxItem.init(row:))
        }
    }

    public func claimForSending(_ id: Int64, at: Date) throws -> OutboundReply? {
        try pool.write { db in
            // The state check and the move happen under the write lock: two `rapport send` never both claim it.
            try db.execute(sql: """
                UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated = ?
                WHERE id = ? AND state IN ('queued', 'failed')
                """, arguments: [at.timeIntervalSince1970, id])
            guard db.changesCount == 1, let item = try Self.outboxItem(db, id: id),
                  let agent = try Self.agent(db, login: item.agent),
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [item.messageRowID]),
                  let conversation = try Self.conversation(db, id: item.conversationID),
                  let customer = try Self.customer(db, id: conversation.customerID) else { return nil }
            return OutboundReply(item: item, agent: agent, customerName: customer.fullName, message: Message(row: row))
        }
    }

    public func markSent(_ id: Int64, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'sent', error = NULL, updated = ? WHERE id = ?",
                           arguments: [at.timeIntervalSince1970, id])
        }
    }

    public func markFailed(_ id: Int64, reason: String, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'failed', error = ?, updated = ? WHERE id = ?",
                           arguments: [reason, at.timeIntervalSince1970, id])
        }
    }

    public func resolveSending(_ id: Int64, to state: OutboxState, at: Date) throws {
        guard state == .queued || state == .sent else {
            throw RapportError.invalid("an item left in sending is resolved as queued (send again) or sent")
        }
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET state = ?, updated = ? WHERE id = ? AND state = 'sending'",
                           arguments: [state.rawValue, at.timeIntervalSince1970, id])
            if db.changesCount == 0 { throw RapportError.invalid("outbox item \(id) is not in sending") }
        }
    }

    private static let outboxSelect = """
        SELECT o.*, m.conversation_id FROM outbox o JOIN message m ON m.id = o.message_id
        """

    static func outboxItem(_ db: Database, id: Int64) throws -> OutboxItem? {
        try Row.fetchOne(db, sql: "\(outboxSelect) WHERE o.id = ?", arguments: [id]).map(OutboxItem.init(row:))
    }
}

extension OutboxItem {
    init(row: Row) {
        self.init(id: row["id"], messageRowID: row["message_id"], conversationID: row["conversation_id"],
                  agent: row["agent"], toAddress: row["to_address"],
                  state: OutboxState(rawValue: row["state"]) ?? .failed, error: row["error"], attempts: row["attempts"],
                  queued: Date(timeIntervalSince1970: row["queued"]), updated: Date(timeIntervalSince1970: row["updated"]))
    }
}
