import Foundation

public typealias ConversationID = Int64

public enum ConversationStatus: String, Sendable, Codable, CaseIterable {
    case open, pending, closed

    /// What a conversation becomes when the customer writes in it: open, whatever it was. A pending
    /// conversation was waiting on them, a closed one was done — either way it is our turn now.
    public static let whenTheCustomerWrites = ConversationStatus.open

    /// open → pending → closed → open, the `s` key's cycle.
    public var next: ConversationStatus {
        switch self {
        case .open: .pending
        case .pending: .closed
        case .closed: .open
        }
    }
}

/// A thread of messages with one customer. It has no assignee of its own:
/// it belongs to whoever owns the customer.
public struct Conversation: Sendable, Hashable, Codable, Identifiable {
    public var id: ConversationID
    public var customerID: CustomerID
    public var subject: String
    public var status: ConversationStatus
    public var snoozedUntil: Date?
    public var lastActivity: Date

    public init(id: ConversationID, customerID: CustomerID, subject: String, status: ConversationStatus,
                snoozedUntil: Date? = nil, lastActivity: Date) {
        self.id = id
        self.customerID = customerID
        self.subject = subject
        self.status = status
        self.snoozedUntil = snoozedUntil
        self.lastActivity = lastActivity
    }
}
