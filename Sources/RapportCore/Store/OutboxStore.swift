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
    public var agent: String
    public var toAddress: String
    public var state: OutboxState
    /// Why the last delivery failed.
    public var error: String?
    public var attempts: Int
    public var queued: Date
    public var updated: Date

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
    /// Writes the agent's reply into the conversation as an outbound message and queues it, in one
    /// transaction. Refuses (RapportError) when the agent is not the customer's owner or has a no-reply
    /// address. The reply goes to the address the customer last wrote from, threaded under their last message.
    /// The agent's draft in the conversation is removed in the same transaction.
    @discardableResult
    func queueReply(conversation: ConversationID, agent: String, text: String, at: Date) throws -> OutboxItem
    func outbox(states: Set<OutboxState>) throws -> [OutboxItem]
    /// Moves a queued or failed item to `sending` (one attempt more) and returns what to build;
    /// nil when it is no longer queued or failed (another process took it).
    func claimForSending(_ id: Int64, at: Date) throws -> OutboundReply?
    func markSent(_ id: Int64, at: Date) throws
    func markFailed(_ id: Int64, reason: String, at: Date) throws
    /// The agent's decision about an item left in `sending` by a crash: send again, or it did go out.
    func resolveSending(_ id: Int64, to state: OutboxState, at: Date) throws
}
