import Foundation
import RapportCore

extension PostgresStore: OutboxStore {
    /// The owner guard and every write of the reply, behind the write lock: a takeover racing a send
    /// wins cleanly and nothing is written.
    public func queueReply(_ reply: QueuedReply) throws -> OutboxItem {
        try write { db in
            let m = reply.message
            guard let customer = try Self.customer(db, id: reply.customerID) else {
                throw RapportError.unknownCustomer("#\(reply.customerID)")
            }
            guard customer.owner == (reply.coveringFor ?? reply.owner) else {
                throw RapportError.notOwner(customer: customer.fullName, owner: customer.owner)
            }
            let owning = try db.value("SELECT customer_id FROM conversation WHERE id = $1", [m.conversationID], as: CustomerID.self)
            guard owning == reply.customerID else { throw RapportError.unknownConversation(m.conversationID) }
            let message = try Self.appendMessage(db, m)
            let at = m.date.timeIntervalSince1970
            let itemID: Int64 = try db.value("""
                INSERT INTO outbox (message_id, agent, to_address, state, queued, updated) VALUES ($1, $2, $3, 'queued', $4, $4)
                RETURNING id
                """, [message.id, reply.owner, reply.toAddress, at])!
            for (position, file) in reply.attachments.enumerated() {
                try db.execute("""
                    INSERT INTO outgoing_attachment (message_id, position, name, content_type, data_base64) VALUES ($1, $2, $3, $4, $5)
                    """, [message.id, position, file.name, file.contentType, file.data.base64EncodedString()])
            }
            if let owner = reply.coveringFor {
                try db.execute("""
                    INSERT INTO cover_log (customer_id, owner, coverer, message_id, at) VALUES ($1, $2, $3, $4, $5)
                    """, [reply.customerID, owner, reply.owner, message.id, at])
            }
            if reply.marks.contains(.headsUpTold) {
                try db.execute("UPDATE headsup_event SET told = $1 WHERE conversation_id = $2 AND told IS NULL", [at, m.conversationID])
            }
            if reply.marks.contains(.referralThanked) {
                try db.execute("""
                    UPDATE customer SET referral_thanked = $1 WHERE referral_thanks_conversation = $2 AND referral_thanked IS NULL
                    """, [at, m.conversationID])
            }
            if let status = reply.status {
                try db.execute("UPDATE conversation SET status = $1 WHERE id = $2", [status.rawValue, m.conversationID])
            }
            // The draft this reply came from goes in the same transaction: a crash can not bring back sent text.
            try Self.deleteDraft(db, conversation: m.conversationID, agent: reply.owner)
            return try Self.outboxItem(db, id: itemID)!
        }
    }

    public func lastInboundMessage(customer: CustomerID) throws -> Message? {
        try read { db in
            try db.row("""
                SELECT \(Message.columns(of: "m")) FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.customer_id = $1 AND m.direction = 'inbound' ORDER BY m.date DESC, m.id DESC LIMIT 1
                """, [customer]).map(Message.init(row:))
        }
    }

    public func pendingMarks(conversation: ConversationID) throws -> ReplyMarks {
        try read { db in
            let row = try db.row("""
                SELECT EXISTS (SELECT 1 FROM headsup_event WHERE conversation_id = $1 AND told IS NULL) AS headsup,
                       EXISTS (SELECT 1 FROM customer WHERE referral_thanks_conversation = $1 AND referral_thanked IS NULL) AS referral
                """, [conversation])!
            var marks: ReplyMarks = []
            if row["headsup"] as Bool { marks.insert(.headsUpTold) }
            if row["referral"] as Bool { marks.insert(.referralThanked) }
            return marks
        }
    }

    public func outbox(states: Set<OutboxState>) throws -> [OutboxItem] {
        let list = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
        guard !list.isEmpty else { return [] }
        return try read { db in
            try db.rows("\(Self.outboxSelect) WHERE o.state IN (\(list)) ORDER BY o.id").map(OutboxItem.init(row:))
        }
    }

    /// The state check and the move happen behind the write lock: two senders never both claim it.
    public func claimForSending(_ id: Int64, claim: OutboxClaim, at: Date) throws -> OutboundReply? {
        try write { db in
            let changed = try db.execute("""
                UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = $1, claim_until = $2, updated = $3
                WHERE id = $4 AND state IN ('queued', 'failed')
                """, [claim.claimant, claim.until.timeIntervalSince1970, at.timeIntervalSince1970, id]).changes
            guard changed == 1, let item = try Self.outboxItem(db, id: id),
                  let agent = try Self.agent(db, login: item.agent),
                  let row = try db.row("SELECT \(Message.columns) FROM message WHERE id = $1", [item.messageRowID]),
                  let conversation = try Self.conversation(db, id: item.conversationID),
                  let customer = try Self.customer(db, id: conversation.customerID) else { return nil }
            let files = try db.rows("SELECT * FROM outgoing_attachment WHERE message_id = $1 ORDER BY position",
                                    [item.messageRowID]).map { file in
                OutgoingAttachment(name: file["name"], contentType: file["content_type"],
                                   data: Data(base64Encoded: file["data_base64"] as String) ?? Data())
            }
            return OutboundReply(item: item, agent: agent, customerName: customer.fullName, message: Message(row: row),
                                 attachments: files)
        }
    }

    public func renewClaim(_ id: Int64, claim: OutboxClaim) throws -> Bool {
        try write { db in
            try db.execute("UPDATE outbox SET claim_until = $1 WHERE id = $2 AND state = 'sending' AND claimed_by = $3",
                           [claim.until.timeIntervalSince1970, id, claim.claimant]).changes == 1
        }
    }

    public func markSent(_ id: Int64, at: Date) throws {
        try setState(id, "sent", error: nil, at: at)
    }

    public func markFailed(_ id: Int64, reason: String, at: Date) throws {
        try setState(id, "failed", error: reason, at: at)
    }

    public func markNeedsDecision(_ id: Int64, reason: String, at: Date) throws {
        try setState(id, "needs_decision", error: reason, at: at)
    }

    private func setState(_ id: Int64, _ state: String, error: String?, at: Date) throws {
        try write { db in
            try db.execute("UPDATE outbox SET state = $1, error = $2, updated = $3 WHERE id = $4",
                           [state, error, at.timeIntervalSince1970, id])
        }
    }

    public func resolveSending(_ id: Int64, to state: OutboxState, at: Date) throws {
        guard state == .queued || state == .sent else {
            throw RapportError.invalid("an undelivered item is resolved as queued (send again) or sent")
        }
        try write { db in
            let changed = try db.execute("""
                UPDATE outbox SET state = $1, updated = $2, claimed_by = NULL, claim_until = NULL
                WHERE id = $3 AND state IN ('sending', 'needs_decision', 'failed')
                """, [state.rawValue, at.timeIntervalSince1970, id]).changes
            if changed == 0 { throw RapportError.invalid("outbox item \(id) is not failed, in sending or needing a decision") }
        }
    }

    private static let outboxSelect = "SELECT o.*, m.conversation_id FROM outbox o JOIN message m ON m.id = o.message_id"

    static func outboxItem(_ db: PostgresSession, id: Int64) throws -> OutboxItem? {
        try db.row("\(outboxSelect) WHERE o.id = $1", [id]).map(OutboxItem.init(row:))
    }
}

extension OutboxItem {
    init(row: SQLRow) {
        self.init(id: row["id"], messageRowID: row["message_id"], conversationID: row["conversation_id"],
                  agent: row["agent"], toAddress: row["to_address"],
                  state: OutboxState(rawValue: row["state"]) ?? .needsDecision, error: row["error"], attempts: row["attempts"],
                  queued: row.date("queued"), updated: row.date("updated"),
                  claim: (row["claimed_by"] as String?).map { claimant in
                      OutboxClaim(claimant: claimant, until: Date(timeIntervalSince1970: row["claim_until"] ?? 0))
                  })
    }
}
