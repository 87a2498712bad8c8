import Foundation

/// Where a reply is on its way out: queued → sending → sent | failed | needs a decision.
/// `failed` means the mail system did not take it, so it goes back to sending on the next run;
/// `needsDecision` means it may have taken it (sendmail killed mid-way): never sent again until a
/// person says so, as an item left in `sending` by a process that died.
public enum OutboxState: String, Sendable, Codable, CaseIterable {
    case queued, sending, sent, failed
    case needsDecision = "needs_decision"
}

/// Who is delivering an item and until when the claim holds without being renewed. A claim whose
/// process is gone, or whose time has passed, is an interrupted delivery (`OutboxClaimant.isLive`).
public struct OutboxClaim: Sendable, Hashable, Codable {
    /// `host:pid:start`, from `OutboxClaimant`.
    public var claimant: String
    public var until: Date

    public init(claimant: String, until: Date) {
        self.claimant = claimant
        self.until = until
    }
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
    /// The delivery under way or last tried, while the item is (or was left) in `sending`.
    public var claim: OutboxClaim?

    public init(id: Int64, messageRowID: MessageRowID, conversationID: ConversationID, agent: String, toAddress: String,
                state: OutboxState, error: String?, attempts: Int, queued: Date, updated: Date, claim: OutboxClaim? = nil) {
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
        self.claim = claim
    }
}

/// Everything needed to build the email of one outbox item.
public struct OutboundReply: Sendable, Hashable {
    public var item: OutboxItem
    public var agent: Agent
    public var customerName: String
    public var message: Message
    /// The files queued with the reply, in order.
    public var attachments: [OutgoingAttachment]

    public init(item: OutboxItem, agent: Agent, customerName: String, message: Message, attachments: [OutgoingAttachment] = []) {
        self.item = item
        self.agent = agent
        self.customerName = customerName
        self.message = message
        self.attachments = attachments
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
    /// The customer's newest message, in any of their conversations (where a reply goes is read from
    /// its From and Reply-To: `ReplyRecipients`); nil when they never wrote.
    func lastInboundMessage(customer: CustomerID) throws -> Message?
    /// What a reply sent in this conversation would complete: an untold heads-up, an unthanked referral.
    func pendingMarks(conversation: ConversationID) throws -> ReplyMarks
    func outbox(states: Set<OutboxState>) throws -> [OutboxItem]
    /// Moves a queued or failed item to `sending` under `claim` (one attempt more) and returns what to
    /// build; nil when it is no longer queued or failed (another process took it).
    func claimForSending(_ id: Int64, claim: OutboxClaim, at: Date) throws -> OutboundReply?
    /// Extends a claim still held by the same claimant; false when the item is no longer theirs.
    @discardableResult
    func renewClaim(_ id: Int64, claim: OutboxClaim) throws -> Bool
    func markSent(_ id: Int64, at: Date) throws
    /// The mail system did not take it: retried by the next run.
    func markFailed(_ id: Int64, reason: String, at: Date) throws
    /// It may have been taken: a person decides (`resolveSending`), nothing sends it again before.
    func markNeedsDecision(_ id: Int64, reason: String, at: Date) throws
    /// A person's decision about a failed item, one left in `sending` or one needing a decision: send
    /// again (`.queued`) or it did go out (`.sent`). Whether a claim is still live is the caller's rule.
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
    /// Where delivery sends it (the message's first recipient; its Cc goes as the message's header).
    public var toAddress: String
    /// The workflow marks the send completes, written in the same transaction.
    public var marks: ReplyMarks
    /// The conversation's status once the reply is queued (`workflows.after_reply`); nil leaves it.
    public var status: ConversationStatus?
    /// Set when `owner` writes while covering for this away agent: the customer must still be owned by
    /// them (not by `owner`) when the write commits, and the reply goes into the cover log.
    public var coveringFor: String?
    /// The files that go with it, their bytes read already (the message's `attachments` lists them).
    public var attachments: [OutgoingAttachment]

    public init(message: NewMessage, customerID: CustomerID, owner: String, toAddress: String, marks: ReplyMarks,
                status: ConversationStatus? = nil, coveringFor: String? = nil, attachments: [OutgoingAttachment] = []) {
        self.message = message
        self.customerID = customerID
        self.owner = owner
        self.toAddress = toAddress
        self.marks = marks
        self.status = status
        self.coveringFor = coveringFor
        self.attachments = attachments
    }
}
