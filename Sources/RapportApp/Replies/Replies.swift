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
    /// Where days are told (the day an away owner is back, in a cover reply).
    public var timeZone: TimeZone = .current
    /// `mail.attachment_limit_mb`: the most a reply's files may weigh together.
    public var attachmentLimitMB = 20

    public init(store: any ConversationStore & OutboxStore, limits: PolicyLimits = .standard,
                afterReply: ConversationStatus = .pending, attachmentLimitMB: Int = 20, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.limits = limits
        self.afterReply = afterReply
        self.attachmentLimitMB = attachmentLimitMB
        self.clock = clock
    }

    /// Queues `text` from `login` in the conversation, or refuses with a `RapportError`: not the
    /// customer's owner, a no-reply agent address, an empty text, or a reply that does not pass the
    /// reply policy (`.replyPolicy` with the violations). The reply goes to the address the customer
    /// last wrote from, threaded under the conversation's newest message, and completes the heads-up
    /// or thank-you the conversation was opened for. The agent's draft there is removed with it.
    /// With `replyAll` the people the customer copied in this conversation are copied again
    /// (`ReplyRecipients`); a customer reachable only at a no-reply address is refused (`.noHumanAddress`).
    /// Attached files are read now, checked against the limit again, and stored with the reply.
    @discardableResult
    public func queue(conversation id: ConversationID, agent login: String, text: String,
                      replyAll: Bool = true, attachments: [DraftAttachment] = []) throws -> OutboxItem {
        try queue(conversation: id, agent: login, text: text, replyAll: replyAll,
                  files: try AttachedFiles.read(attachments, limitMB: attachmentLimitMB))
    }

    private func queue(conversation id: ConversationID, agent login: String, text: String, replyAll: Bool,
                       files: [OutgoingAttachment]) throws -> OutboxItem {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        let (agent, customer, cover) = try writer(login, to: conversation.customerID)
        try checkText(text, customer: customer, agent: agent, cover: cover)

        let thread = try store.messages(conversation: conversation.id)
        var recipients = try recipients(customer: customer, thread: thread)
        if !replyAll { recipients.cc = [] }
        let parent = ReplyThreading.parent(in: thread)
        let subject = Subject.outgoing(conversation: conversation.subject,
                                       answersCustomer: ReplyThreading.answersCustomer(thread))
        let message = NewMessage(
            conversationID: conversation.id, direction: .outbound, author: agent.login, from: agent.email, to: [recipients.to],
            cc: recipients.cc, subject: subject, text: text,
            messageID: ReplyThreading.newMessageID(from: agent.email), inReplyTo: parent?.messageID,
            references: ReplyThreading.references(replyingTo: parent), date: clock(), attachments: files.map(\.info))
        // Sending in a heads-up or thank-you conversation is what "told" and "thanked" mean.
        let marks = try store.pendingMarks(conversation: conversation.id)
        return try store.queueReply(QueuedReply(message: message, customerID: customer.id, owner: agent.login,
                                                toAddress: recipients.to, marks: marks, status: afterReply,
                                                coveringFor: cover?.login, attachments: files))
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

    /// Opens a new conversation with a customer and queues its first message (`rapport compose`), under
    /// the same rules as a reply: the owner only, the reply policy, no no-reply address. Everything is
    /// checked before the conversation is opened, so a refused message leaves nothing behind. The message
    /// answers nothing: it goes out under the subject as typed, without "Re:" or In-Reply-To.
    @discardableResult
    public func start(customer id: CustomerID, agent login: String, subject: String, text: String,
                      attachments: [DraftAttachment] = []) throws -> OutboxItem {
        let files = try AttachedFiles.read(attachments, limitMB: attachmentLimitMB)
        let opened = try open(customer: id, agent: login, subject: subject, checking: text)
        return try queue(conversation: opened.id, agent: login, text: text, replyAll: true, files: files)
    }

    /// Opens a new, empty conversation with a customer for `login` to write in (the inbox's `m`: the
    /// composer follows). Refused unless `login` owns the customer (as a reply is) and the subject has words.
    @discardableResult
    public func open(customer id: CustomerID, agent login: String, subject: String) throws -> Conversation {
        try open(customer: id, agent: login, subject: subject, checking: nil)
    }

    private func open(customer id: CustomerID, agent login: String, subject: String, checking text: String?) throws
        -> Conversation {
        let (agent, customer, cover) = try writer(login, to: id)
        let subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty, !subject.contains(where: \.isNewline) else {
            throw RapportError.invalid("a new conversation needs a subject (one line)")
        }
        if let text { try checkText(text, customer: customer, agent: agent, cover: cover) }
        _ = try recipients(customer: customer, thread: [])  // a customer with no human address: nothing opened
        return try store.startConversation(customer: customer.id, subject: subject, at: clock())
    }

    /// The agent and the customer, when `login` may write to them: only the owner writes to a
    /// customer — or the agent covering while the owner is away (the absence is returned) — and
    /// nobody from an address that cannot be answered.
    private func writer(_ login: String, to customerID: CustomerID) throws -> (Agent, Customer, Absence?) {
        guard let agent = try store.agent(login: login) else {
            throw RapportError.unknownAgent(login, known: try store.agents().map(\.login))
        }
        guard let customer = try store.customer(id: customerID) else {
            throw RapportError.unknownCustomer("#\(customerID)")
        }
        var cover: Absence?
        if customer.owner != agent.login {
            cover = CoverRule.covering(owner: customer.owner, agent: agent.login, in: try store.absences(), now: clock())
            guard cover != nil else { throw RapportError.notOwner(customer: customer.fullName, owner: customer.owner) }
        }
        if NoReply.isNoReplyAddress(agent.email) { throw RapportError.noReplyAddress(agent.email) }
        return (agent, customer, cover)
    }

    /// A text worth sending that passes the reply policy — the same as the composer and `rapport lint`, with no bypass.
    /// A cover reply must also tell an existing customer whose they are and when that person is back.
    private func checkText(_ text: String, customer: Customer, agent: Agent, cover: Absence?) throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RapportError.invalid("an empty message is not sent")
        }
        let note = try cover.map { CoverNote(absence: $0, owner: try store.agent(login: $0.login), timeZone: timeZone) }
        let violations = ReplyPolicy.check(text, customer: customer, agent: agent, isExisting: customer.isExisting,
                                           limits: limits, cover: note)
        if violations.blocksSending { throw RapportError.replyPolicy(violations) }
    }
}
