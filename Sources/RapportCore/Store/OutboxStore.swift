import Foundation

/// Where a reply is on its way out. queued → sending → sent | failed; failed goes back to sending on retry.
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    case queued, sending, sent, failed
}

/// One reply in the outbox.
public struct OutboxItem: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The outbound message row (its text, subject and Message-ID are in `message`).
    public var messageRowID: MessageRowID
    public var conversationID: ConversationID
    public var agent, toAddress: String
    public var state: OutboxState
    /// Why the last delivery failed.
    public var error: String?
    public var attempts: Int
    public var queued, updated: Date

    public init(id: Int64, messageRowID: MessageRowID, conversationID: ConversationID, agent: String, toAddress: String,
                state: OutboxState, error: String?, attempts: Int, queued: Date, updated: Date) {
        self.id = id
        self.messageRowID = messageRowID
        self.conversationID = conversationID
        self.agent = agent
        self.toAddress = toAddress
        self.state = state
        self.error = error
        self.attempts = attempts
        self.queued = queued
        self.updated = updated
    }
}

/// Everything needed to build the email of one outbox item.
public struct OutboundReply: Sendable, Hashable {
    public var item: OutboxItem
    public var agent: Agent
    public var customerName: String
    public var message: Message

    public init(item: OutboxItem, agent: Agent, customerName: String, message: Message) {
        self.item = item
        self.agent = agent
        self.customerName = customerName
        self.message = message
    }
}

/// The store side of sending. Kept apart from `ConversationStore` because only delivery needs it.
public protocol OutboxStore: Sendable {
    /// Writes a reply `Replies.queue` has decided (recipient, threading and Message-ID already set) as
    /// an outbound message, queues it, sets the marks it completes ("told", "thanked") and removes the
    /// author's draft in the conversation, in one transaction. A conditional write: it refuses
    /// (`RapportError.notOwner`) unless the customer is still owned by `reply.owner` at commit, so a
    /// takeover racing a send wins cleanly and nothing is written.
    @discardableResult
    func queueReply(_ reply: QueuedReply) throws -> OutboxItem
    /// The address the customer last wrote from, in any of their conversations; nil when they never wrote.
    func lastInboundAddress(customer: CustomerID) throws -> String?
    /// What a reply sent in this conversation would complete: an untold heads-up, an unthanked referral.
    func pendingMarks(conversation: ConversationID) throws -> ReplyMarks
    func outbox(states: Set<OutboxState>) throws -> [OutboxItem]
    /// Moves a queued or failed item to `sending` (one attempt more) and returns what to build;
    /// nil when it is no longer queued or failed (another process took it).
    func claimForSending(_ id: Int64, at: Date) throws -> OutboundReply?
    func markSent(_ id: Int64, at: Date) throws
    func markFailed(_ id: Int64, reason: String, at: Date) throws
    /// The agent's decision about an item left in `sending` by a crash: send again, or it did go out.
    func resolveSending(_ id: Int64, to state: OutboxState, at: Date) throws
}

/// What a sent reply completes in the workflows: the heads-up it tells, the referral it thanks for.
public struct ReplyMarks: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The conversation's heads-up event counts as told.
    public static let headsUpTold = ReplyMarks(rawValue: 1 << 0)
    /// The referral whose thank-you conversation this is counts as thanked.
    public static let referralThanked = ReplyMarks(rawValue: 1 << 1)
}

/// A reply fully decided by the application layer, for a store to write as it is.
public struct QueuedReply: Sendable, Hashable {
    /// The outbound message: from, to, subject, In-Reply-To, References, Message-ID and date set.
    public var message: NewMessage
    public var customerID: CustomerID
    /// The agent who writes it, and who must still own the customer when the write commits.
    public var owner: String
    /// Where delivery sends it (the message's first recipient).
    public var toAddress: String
    /// The workflow marks the send completes, written in the same transaction.
    public var marks: ReplyMarks

    public init(message: NewMessage, customerID: CustomerID, owner: String, toAddress: String, marks: ReplyMarks) {
        self.message = message
        self.customerID = customerID
        self.owner = owner
        self.toAddress = toAddress
        self.marks = marks
    }
}
