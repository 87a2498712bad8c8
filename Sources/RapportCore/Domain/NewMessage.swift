import Foundation

/// A message to append to a conversation (from ingest, the composer or the demo).
public struct NewMessage: Sendable, Hashable {
    public var conversationID: ConversationID
    public var direction: MessageDirection
    public var author: String?
    public var from: String
    public var to: [String]
    public var subject, text: String
    public var messageID, inReplyTo: String?
    public var references: [String]
    public var date: Date
    public var attachments: [AttachmentInfo]
    public var sourcePath: String?

    public init(conversationID: ConversationID, direction: MessageDirection, author: String? = nil,
                from: String, to: [String] = [], subject: String, text: String, messageID: String? = nil,
                inReplyTo: String? = nil, references: [String] = [], date: Date,
                attachments: [AttachmentInfo] = [], sourcePath: String? = nil) {
        self.conversationID = conversationID
        self.direction = direction
        self.author = author
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.attachments = attachments
        self.sourcePath = sourcePath
    }
}
