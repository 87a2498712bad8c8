import Foundation

/// The header fields and text a message carries at each of its stages: read from a Maildir
/// (`IncomingMail`), about to be appended (`NewMessage`), stored (`Message`).
public struct MessageContent: Sendable, Hashable, Codable {
    public var from: String
    public var to: [String]
    /// The Cc header's addresses (To and Cc are kept apart: a reply-all puts Cc people in Cc again).
    public var cc: [String] = []
    /// The Reply-To header's addresses: where the writer asked replies to go (`CustomerAddressChoice`).
    public var replyTo: [String] = []
    public var subject, text: String
    /// RFC 5322 Message-ID and In-Reply-To, without angle brackets.
    public var messageID, inReplyTo: String?
    public var references: [String]
    public var date: Date
    public var attachments: [AttachmentInfo]
}

/// A message at one of its stages: its `MessageContent` fields read and write as its own
/// (`message.subject` for `message.content.subject`).
public protocol HoldsMessageContent {
    var content: MessageContent { get set }
}

extension HoldsMessageContent {
    public var from: String { get { content.from } set { content.from = newValue } }
    public var to: [String] { get { content.to } set { content.to = newValue } }
    public var cc: [String] { get { content.cc } set { content.cc = newValue } }
    public var replyTo: [String] { get { content.replyTo } set { content.replyTo = newValue } }
    public var subject: String { get { content.subject } set { content.subject = newValue } }
    public var text: String { get { content.text } set { content.text = newValue } }
    public var messageID: String? { get { content.messageID } set { content.messageID = newValue } }
    public var inReplyTo: String? { get { content.inReplyTo } set { content.inReplyTo = newValue } }
    public var references: [String] { get { content.references } set { content.references = newValue } }
    public var date: Date { get { content.date } set { content.date = newValue } }
    public var attachments: [AttachmentInfo] { get { content.attachments } set { content.attachments = newValue } }
}
