import Foundation

/// A message read from a Maildir, reduced to what the store keeps. Built by RapportMail.
public struct IncomingMail: Sendable, Hashable, HoldsMessageContent {
    /// Identifies the file across runs: Maildir root + unique name (stable when the file moves to cur/).
    public var seenKey: String
    public var path: String
    /// "mid:<Message-ID>", or "sha256:<hash of the file>" when the message has no Message-ID.
    public var dedupKey: String
    public var fromName: String?
    /// Reply-To with its display names (the addresses alone are `replyTo`), to name a customer met there.
    public var replyToMailboxes: [NamedAddress]
    public var content: MessageContent
    /// The sender's address (`from`).
    public var fromAddress: String {
        get { content.from }
        set { content.from = newValue }
    }

    public init(seenKey: String, path: String, dedupKey: String, fromAddress: String, fromName: String?,
                to: [String], cc: [String] = [], replyTo: [NamedAddress] = [], subject: String, text: String,
                messageID: String?, inReplyTo: String?, references: [String], date: Date, attachments: [AttachmentInfo]) {
        self.seenKey = seenKey
        self.path = path
        self.dedupKey = dedupKey
        self.fromName = fromName
        replyToMailboxes = replyTo
        content = MessageContent(from: fromAddress, to: to, cc: cc, replyTo: replyTo.map(\.address), subject: subject, text: text, messageID: messageID,
                                 inReplyTo: inReplyTo, references: references, date: date, attachments: attachments)
    }
}

/// One file of an ingest batch: a message to store, or a file that could not be read.
public enum IngestItem: Sendable, Hashable {
    case mail(IncomingMail)
    case unreadable(seenKey: String, path: String, reason: String)
}

/// What became of one item.
public enum IngestOutcome: Sendable, Hashable {
    case ingested(MessageRowID)
    case duplicate
    case failed(String)
}

/// The store side of Maildir ingest. Kept apart from `ConversationStore` because only ingest needs it.
public protocol MailIngestStore: Sendable {
    /// Which of these seen keys earlier runs already handled (ingested, duplicate or unreadable).
    func seenKeys(_ keys: [String]) throws -> Set<String>
    /// Stores a batch in ONE transaction: every message with its customer, conversation and seen record,
    /// or nothing (a crash mid-batch leaves no half-written message, conversation or customer).
    /// Each message is filed as `rules.file` decides (duplicate, identity, threading), asked with the
    /// store's answers inside that transaction; a message the store then refuses is rolled back alone
    /// and reported as failed. The adapter decides nothing itself.
    func ingest(_ batch: [IngestItem], rules: IngestRules) throws -> [IngestOutcome]
}
