import Foundation

/// Something an agent should hear about: a note that mentions them, or a customer taken from them.
public struct ForYouItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An internal note naming the agent (`@login` or `@FirstName`).
        case mention
        /// One of the agent's customers was given another owner (or sent back to Unassigned).
        case takeover
    }

    public var kind: Kind
    public var at: Date
    /// Who wrote the note, or made the change.
    public var by: String
    /// The note's text, or the handoff note (nil when none was given).
    public var text: String?
    public var customerID: CustomerID
    public var customerName: String
    /// The note's conversation; for a takeover, the customer's most recent conversation (nil when none).
    public var conversationID: ConversationID?
    public var subject: String?
    /// For a takeover: the new owner (nil: back to Unassigned).
    public var to: String?

    public init(kind: Kind, at: Date, by: String, text: String?, customerID: CustomerID, customerName: String,
                conversationID: ConversationID?, subject: String?, to: String? = nil) {
        self.kind = kind
        self.at = at
        self.by = by
        self.text = text
        self.customerID = customerID
        self.customerName = customerName
        self.conversationID = conversationID
        self.subject = subject
        self.to = to
    }
}
