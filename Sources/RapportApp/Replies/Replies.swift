import Foundation
import RapportCore

/// Queueing a reply: every rule of sending runs here, once, whoever asks (`rapport reply`, the
/// composer's send, a script over the library). The store only writes what is decided here, on
/// condition that the agent still owns the customer when it commits.
public struct Replies {
    public let store: any ConversationStore & OutboxStore
    /// The reply policy's adjustable numbers, from the config (the same the composer shows).
    public var limits: PolicyLimits
    /// What the conversation becomes once we have answered (`workflows.after_reply`): pending on the
    /// customer by default, so Mine shows what still waits on us.
    public var afterReply: ConversationStatus
    public var clock: () -> Date

    public init(store: any ConversationStore & OutboxStore, limits: PolicyLimits = .standard,
                afterReply: ConversationStatus = .pending, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.limits = limits
        self.afterReply = afterReply
        self.clock = clock
    }

    /// Queues `text` from `login` in the conversation, or refuses with a `RapportError`: not the
    /// customer's owner, a no-reply agent address, an empty text, or a reply that does not pass the
    /// reply policy (`.replyPolicy` with the violations). The reply goes to the address the customer
    /// last wrote from, threaded under the conversation's newest message, and completes the heads-up
    /// or thank-you the conversation was opened for. The agent's draft there is removed with it.
    /// With `replyAll` the people the customer copied in this conversation are copied again
    /// (`ReplyRecipients`); a customer reachable only at a no-reply address is refused (`.noHumanAddress`).
    @discardableResult
    public func queue(conversation id: ConversationID, agent login: String, text: String,
                      replyAll: Bool = true) throws -> OutboxItem {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        guard let agent = try store.agent(login: login) else {
            throw RapportError.unknownAgent(login, known: try store.agents().map(\.login))
        }
        guard let customer = try store.customer(id: conversation.customerID) else {
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
        // The same policy as the composer and `rapport lint`, with no bypass.
        let violations = ReplyPolicy.check(text, customer: customer, agent: agent, isExisting: customer.isExisting,
                                           limits: limits)
        if violations.blocksSending { throw RapportError.replyPolicy(violations) }

        let thread = try store.messages(conversation: conversation.id)
        var recipients = try recipients(customer: customer, thread: thread)
        if !replyAll { recipients.cc = [] }
        let parent = ReplyThreading.parent(in: thread)
        let subject = Subject.outgoing(conversation: conversation.subject,
                                       answersCustomer: thread.contains { $0.direction == .inbound })
        let message = NewMessage(
            conversationID: conversation.id, direction: .outbound, author: agent.login, from: agent.email, to: [recipients.to],
            cc: recipients.cc, subject: subject, text: text,
            messageID: ReplyThreading.newMessageID(from: agent.email), inReplyTo: parent?.messageID,
            references: ReplyThreading.references(replyingTo: parent), date: clock())
        // Sending in a heads-up or thank-you conversation is what "told" and "thanked" mean.
        let marks = try store.pendingMarks(conversation: conversation.id)
        return try store.queueReply(QueuedReply(message: message, customerID: customer.id, owner: agent.login,
                                                toAddress: recipients.to, marks: marks, status: afterReply))
    }

    /// Where a reply in the conversation would go, as `queue` decides it (with reply-all), for the
    /// composer to show before sending. Throws `.noHumanAddress` when there is no one to answer.
    public func recipients(conversation id: ConversationID) throws -> ReplyRecipients {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        guard let customer = try store.customer(id: conversation.customerID) else {
            throw RapportError.unknownCustomer("#\(conversation.customerID)")
        }
        return try recipients(customer: customer, thread: try store.messages(conversation: id))
    }

    private func recipients(customer: Customer, thread: [Message]) throws -> ReplyRecipients {
        try ReplyRecipients.decide(
            customer: customer, lastFromCustomer: try store.lastInboundMessage(customer: customer.id),
            answered: thread.last { $0.direction == .inbound },
            ownAddresses: Set(try store.agents().map(\.email)))
    }
}
