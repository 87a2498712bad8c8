import Foundation

/// What the ingest rules need to know about the store, asked one question at a time while a
/// message is filed. An adapter answers them inside its batch transaction (so each answer sees
/// the messages filed before it in the same batch); a test answers them from a few values.
public protocol IngestFacts {
    /// Some stored message (ours or ingested) has this Message-ID.
    func isStored(messageID: String) throws -> Bool
    /// A file with this dedup key was seen before.
    func isSeen(dedupKey: String) throws -> Bool
    /// Some stored message has this Message-ID (when there is one), or a file with this dedup key
    /// was seen before: both questions in one lookup (the default asks them one after the other).
    func isStoredOrSeen(messageID: String?, dedupKey: String) throws -> Bool
    /// The login of the agent whose (normalised) address this is.
    func agent(at address: String) -> String?
    /// The customer who has this (normalised) address.
    func customer(at address: String) throws -> CustomerID?
    /// The customer's conversation holding a message with this Message-ID.
    func conversation(of customer: CustomerID, holding messageID: String) throws -> ConversationID?
    /// The customer's conversation with this normalised subject whose last activity falls in
    /// `activity` (seconds since 1970), the most recently active first.
    func conversation(of customer: CustomerID, normalizedSubject: String,
                      activeIn activity: ClosedRange<TimeInterval>) throws -> ConversationID?
}

extension IngestFacts {
    public func isStoredOrSeen(messageID: String?, dedupKey: String) throws -> Bool {
        if let messageID, try isStored(messageID: messageID) { return true }
        return try isSeen(dedupKey: dedupKey)
    }
}

/// Agent logins by normalised address, as the rules ask `agent(at:)`: from the agent table's
/// (login, email) rows; two agents on one address, the first row wins.
public func agentLoginsByAddress(_ agents: [(login: String, email: String)]) -> [String: String] {
    Dictionary(agents.map { (EmailAddress.normalized($0.email), $0.login) }, uniquingKeysWith: { first, _ in first })
}
