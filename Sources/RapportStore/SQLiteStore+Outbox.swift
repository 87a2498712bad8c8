import Foundation
import GRDB
import RapportCore

extension SQLiteStore: OutboxStore {
    /// ```sql
    /// SELECT owner FROM customer WHERE id = ?            -- the guard, under the write lock
    /// INSERT INTO message …; INSERT INTO outbox …; UPDATE headsup_event / customer / conversation …; DELETE FROM draft …
    /// ```
    public func queueReply(_ reply: QueuedReply) throws -> OutboxItem {
        try pool.write { db in
            let m = reply.message
            guard let customer = try Self.customer(db, id: reply.customerID) else {
                throw RapportError.unknownCustomer("#\(reply.customerID)")
            }
            guard customer.owner == (reply.coveringFor ?? reply.owner) else {
                throw RapportError.notOwner(customer: customer.fullName, owner: customer.owner)
            }
            let owning = try CustomerID.fetchOne(db, sql: "SELECT customer_id FROM conversation WHERE id = ?",
                                                 arguments: [m.conversationID])
            guard owning == reply.customerID else { throw RapportError.unknownConversation(m.conversationID) }
            let message = try Self.appendMessage(db, m)
            let at = m.date.timeIntervalSince1970
            try db.execute(sql: """
                INSERT INTO outbox (message_id, agent, to_address, state, queued, updated) VALUES (?, ?, ?, 'queued', ?, ?)
                """, arguments: [message.id, reply.owner, reply.toAddress, at, at])
            let itemID = db.lastInsertedRowID
            for (position, file) in reply.attachments.enumerated() {
                try db.execute(sql: """
                    INSERT INTO outgoing_attachment (message_id, position, name, content_type, data_base64) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [message.id, position, file.name, file.contentType, file.data.base64EncodedString()])
            }
            if let owner = reply.coveringFor {
                try Self.logCover(db, CoverEntry(customerID: reply.customerID, owner: owner, coverer: reply.owner,
                                                 messageID: message.id, at: m.date))
            }
            if reply.marks.contains(.headsUpTold) {
                try db.execute(sql: "UPDATE headsup_event SET told = ? WHERE conversation_id = ? AND told IS NULL",
                               arguments: [at, m.conversationID])
            }
            if reply.marks.contains(.referralThanked) {
                try db.execute(sql: """
                    UPDATE customer SET referral_thanked = ? WHERE referral_thanks_conversation = ? AND referral_thanked IS NULL
                    """, arguments: [at, m.conversationID])
            }
            if let status = reply.status {
                try db.execute(sql: "UPDATE conversation SET status = ? WHERE id = ?", arguments: [status.rawValue, m.conversationID])
            }
            // The draft this reply came from goes in the same transaction: a crash can not bring back sent text.
            try Self.deleteDraft(db, conversation: m.conversationID, agent: reply.owner)
            return try Self.outboxItem(db, id: itemID)!
        }
    }

    public func lastInboundMessage(customer: CustomerID) throws -> Message? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT m.* FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.customer_id = ? AND m.direction = 'inbound' ORDER BY m.date DESC, m.id DESC LIMIT 1
                """, arguments: [customer]).map(Message.init(row:))
        }
    }

    public func pendingMarks(conversation: ConversationID) throws -> ReplyMarks {
        try pool.read { db in
            var marks: ReplyMarks = []
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM headsup_event WHERE conversation_id = ? AND told IS NULL)",
                                 arguments: [conversation]) == true {
                marks.insert(.headsUpTold)
            }
            if try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM customer WHERE referral_thanks_conversation = ? AND referral_thanked IS NULL)
                """, arguments: [conversation]) == true {
                marks.insert(.referralThanked)
            }
            return marks
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

    /// ```sql
    /// UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?, claim_until = ?, updated = ?
    /// WHERE id = ? AND state IN ('queued', 'failed')
    /// ```
    public func claimForSending(_ id: Int64, claim: OutboxClaim, at: Date) throws -> OutboundReply? {
        try pool.write { db in
            // The state check and the move happen under the write lock: two senders never both claim it.
            try db.execute(sql: """
                UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?, claim_until = ?, updated = ?
                WHERE id = ? AND state IN ('queued', 'failed')
                """, arguments: [claim.claimant, claim.until.timeIntervalSince1970, at.timeIntervalSince1970, id])
            guard db.changesCount == 1, let item = try Self.outboxItem(db, id: id),
                  let agent = try Self.agent(db, login: item.agent),
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [item.messageRowID]),
                  let conversation = try Self.conversation(db, id: item.conversationID),
                  let customer = try Self.customer(db, id: conversation.customerID) else { return nil }
            let files = try Row.fetchAll(db, sql: "SELECT * FROM outgoing_attachment WHERE message_id = ? ORDER BY position",
                                         arguments: [item.messageRowID]).map { file in
                OutgoingAttachment(name: file["name"], contentType: file["content_type"],
                                   data: Data(base64Encoded: file["data_base64"] as String) ?? Data())
            }
            return OutboundReply(item: item, agent: agent, customerName: customer.fullName, message: Message(row: row),
                                 attachments: files)
        }
    }

    /// ```sql
    /// UPDATE outbox SET claim_until = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?
    /// ```
    public func renewClaim(_ id: Int64, claim: OutboxClaim) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET claim_until = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?",
                           arguments: [claim.until.timeIntervalSince1970, id, claim.claimant])
            return db.changesCount == 1
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

    public func markNeedsDecision(_ id: Int64, reason: String, at: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'needs_decision', error = ?, updated = ? WHERE id = ?",
                           arguments: [reason, at.timeIntervalSince1970, id])
        }
    }

    public func resolveSending(_ id: Int64, to state: OutboxState, at: Date) throws {
        guard state == .queued || state == .sent else {
            throw RapportError.invalid("an undelivered item is resolved as queued (send again) or sent")
        }
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET state = ?, updated = ?, claimed_by = NULL, claim_until = NULL
                WHERE id = ? AND state IN ('sending', 'needs_decision', 'failed')
                """, arguments: [state.rawValue, at.timeIntervalSince1970, id])
            if db.changesCount == 0 { throw RapportError.invalid("outbox item \(id) is not failed, in sending or needing a decision") }
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
                  state: OutboxState(rawValue: row["state"]) ?? .needsDecision, error: row["error"], attempts: row["attempts"],
                  queued: Date(timeIntervalSince1970: row["queued"]), updated: Date(timeIntervalSince1970: row["updated"]),
                  claim: (row["claimed_by"] as String?).map { claimant in
                      OutboxClaim(claimant: claimant, until: Date(timeIntervalSince1970: row["claim_until"] ?? 0))
                  })
    }
}
