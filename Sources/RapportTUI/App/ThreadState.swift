import RapportCore

/// The open conversation: its messages, the customer's profile, and how it is scrolled.
public struct ThreadState: Sendable, Hashable {
    public var conversationID: ConversationID
    /// The list row it was opened from: enough to draw a header before the messages arrive.
    public var summary: ConversationSummary?
    public var conversation: Conversation?
    public var messages: [Message] = []
    public var profile: CustomerProfile?
    public var loaded = false
    /// First message-pane line on screen.
    public var scroll = 0
    /// nil: the sidebar shows on wide terminals only; set by `i` to override.
    public var sidebarOverride: Bool?
    /// Message bodies wrapped to the pane, so that a key press does not wrap the whole thread again.
    public var wrapped = WrappedBodies()
    /// The conversation's replies not yet delivered, by message, as the store has them (every inbox sees them).
    public var outbox: [MessageRowID: OutboxItem] = [:]

    public init(conversationID: ConversationID, summary: ConversationSummary?) {
        self.conversationID = conversationID
        self.summary = summary
    }

    /// The customer as best known: from the profile once loaded, else from the list row.
    public var target: AssignTarget? {
        if let c = profile?.customer { return AssignTarget(customerID: c.id, customerName: c.fullName, ownerLogin: c.owner,
                                                                  ownerName: profile?.owner?.firstName) }
        return summary.map(AssignTarget.init)
    }

    public var status: ConversationStatus? { conversation?.status ?? summary?.status }

    /// Every attachment of the thread, numbered from 1 across its messages in order (as shown).
    public var attachments: [AttachmentRef] {
        messages.flatMap { m in
            m.attachments.enumerated().map { AttachmentRef(messageID: m.id, number: $0.offset + 1, info: $0.element,
                                                           sourcePath: m.sourcePath) }
        }
    }

    /// The thread-wide number of a message's first attachment.
    func firstAttachmentNumber(of message: MessageRowID) -> Int {
        1 + messages.prefix { $0.id != message }.reduce(0) { $0 + $1.attachments.count }
    }
}

/// One attachment of a message, as the save and open effects need it.
public struct AttachmentRef: Sendable, Hashable {
    public var messageID: MessageRowID
    /// 1-based within its message, as `rapport attachment save` takes it.
    public var number: Int
    public var info: AttachmentInfo
    /// The mail file its bytes are read from; nil for a message Rapport wrote.
    public var sourcePath: String?
}

/// Message bodies wrapped to one width, by message.
public struct WrappedBodies: Sendable, Hashable {
    public var width = 0
    public var lines: [MessageRowID: [String]] = [:]

    public init() {}

    /// The wrapped body of `message` when it was wrapped to `width`.
    func body(of message: Message, width: Int) -> [String]? {
        width == self.width ? lines[message.id] : nil
    }
}

extension ThreadState {
    /// Wraps every body to `width` unless that is already done for these messages.
    mutating func wrap(toWidth width: Int) {
        guard wrapped.width != width || wrapped.lines.count != messages.count
                || !messages.allSatisfy({ wrapped.lines[$0.id] != nil }) else { return }
        var bodies = WrappedBodies()
        bodies.width = width
        for message in messages { bodies.lines[message.id] = TextLayout.bodyLines(message.text, width: width) }
        wrapped = bodies
    }
}

/// What the effect runner reads for an opened conversation.
public struct ThreadData: Sendable, Hashable {
    public var conversation: Conversation
    public var messages: [Message]
    public var profile: CustomerProfile?
    /// Its replies not yet delivered, by message; nil when not read (the runner has no outbox, or it failed).
    public var outbox: [MessageRowID: OutboxItem]?

    public init(conversation: Conversation, messages: [Message], profile: CustomerProfile?,
                outbox: [MessageRowID: OutboxItem]? = nil) {
        self.conversation = conversation
        self.messages = messages
        self.profile = profile
        self.outbox = outbox
    }
}
