import Foundation

public typealias MessageRowID = Int64

public enum MessageDirection: String, Sendable, Codable, CaseIterable {
    /// Written by the customer.
    case inbound
    /// Written by an agent to the customer.
    case outbound
    /// Internal note between agents; never sent.
    case note
}

/// An attachment as listed in a message; its bytes stay in the Maildir file.
public struct AttachmentInfo: Sendable, Hashable, Codable {
    public var filename: String?
    public var contentType: String
    public var size: Int

    public init(filename: String?, contentType: String, size: Int) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
    }
}

/// One message in a conversation, inbound, outbound or an internal note.
@dynamicMemberLookup
public struct Message: Sendable, Hashable, Codable, Identifiable {
    public var id: MessageRowID
    /// The message as it was appended; the store gave it `id`.
    public var appended: NewMessage

    /// The appended message's fields read and write as this message's own (`message.subject`).
    public subscript<Value>(dynamicMember field: WritableKeyPath<NewMessage, Value>) -> Value {
        get { appended[keyPath: field] }
        set { appended[keyPath: field] = newValue }
    }

    /// Outbound but with no author: mail that arrived with an agent's address in From, not sent by
    /// Rapport. Shown with a warning; it counts as nobody's reply.
    public var isUnverifiedOutbound: Bool { self.direction == .outbound && self.author == nil }

    public init(id: MessageRowID, conversationID: ConversationID, direction: MessageDirection, author: String?,
                from: String, to: [String], cc: [String] = [], replyTo: [String] = [], subject: String, text: String, messageID: String?,
                inReplyTo: String?, references: [String], date: Date,
                attachments: [AttachmentInfo] = [], sourcePath: String? = nil) {
        self.id = id
        appended = NewMessage(conversationID: conversationID, direction: direction, author: author, from: from, to: to,
                              cc: cc, replyTo: replyTo, subject: subject, text: text, messageID: messageID, inReplyTo: inReplyTo,
                              references: references, date: date, attachments: attachments, sourcePath: sourcePath)
    }
}
