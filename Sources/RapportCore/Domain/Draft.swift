import Foundation

public enum DraftKind: String, Sendable, Codable, CaseIterable {
    case reply, note
}

/// Unsent text being composed by one agent in one conversation.
/// There is at most one draft per conversation per agent.
public struct Draft: Sendable, Hashable, Codable {
    public var conversationID: ConversationID
    public var agent: String
    public var kind: DraftKind
    public var text: String
    /// Cursor position as a character offset into `text`.
    public var cursor: Int
    public var updated: Date
    /// For drafts prepared by Rapport (heads-up, thank-you): when it should be sent.
    public var due: Date?
    /// Files attached to a reply (Ctrl-O), in the order attached.
    public var attachments: [DraftAttachment]

    public init(conversationID: ConversationID, agent: String, kind: DraftKind, text: String,
                cursor: Int, updated: Date, due: Date? = nil, attachments: [DraftAttachment] = []) {
        self.conversationID = conversationID
        self.agent = agent
        self.kind = kind
        self.text = text
        self.cursor = cursor
        self.updated = updated
        self.due = due
        self.attachments = attachments
    }
}
