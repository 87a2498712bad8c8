import Foundation

/// A message to append to a conversation (from ingest, the composer or the demo).
public struct NewMessage: Sendable, Hashable, Codable, HoldsMessageContent {
    public var conversationID: ConversationID
    public var direction: MessageDirection
    /// Agent login for outbound messages and notes.
    public var author: String?
    public var content: MessageContent
    /// Path of the Maildir file the message came from, when it came from one.
    public var sourcePath: String?

    public init(conversationID: ConversationID, direction: MessageDirection, author: String? = nil,
                from: String, to: [String] = [], cc: [String] = [], replyTo: [String] = [], subject: String, text: String, messageID: String? = nil,
                inReplyTo: String? = nil, references: [String] = [], date: Date,
                attachments: [AttachmentInfo] = [], sourcePath: String? = nil) {
        self.conversationID = conversationID
        self.direction = direction
        self.author = author
        content = MessageContent(from: from, to: to, cc: cc, replyTo: replyTo, subject: subject, text: text, messageID: messageID,
                                 inReplyTo: inReplyTo, references: references, date: date, attachments: attachments)
        self.sourcePath = sourcePath
    }
}
