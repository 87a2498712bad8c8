import Foundation

/// An agent away, and who looks after their customers meanwhile. Their customers keep their owner:
/// the coverer sees them in Mine and may answer them until `until`.
public struct Absence: Sendable, Hashable, Codable {
    /// The agent who is away.
    public var login: String
    /// When they are back: the cover ends at this moment (the start of the day given to `rapport away --until`).
    public var until: Date
    /// The agent covering for them.
    public var cover: String
    /// Who recorded the absence, and when.
    public var setBy: String
    public var since: Date

    public init(login: String, until: Date, cover: String, setBy: String, since: Date) {
        self.login = login
        self.until = until
        self.cover = cover
        self.setBy = setBy
        self.since = since
    }
}

/// One reply written while covering: the customer's owner stays, the log says who answered for them.
public struct CoverEntry: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// The owner who was away.
    public var owner: String
    /// The agent who answered for them.
    public var coverer: String
    /// The reply's message.
    public var messageID: MessageRowID
    public var at: Date

    public init(customerID: CustomerID, owner: String, coverer: String, messageID: MessageRowID, at: Date) {
        self.customerID = customerID
        self.owner = owner
        self.coverer = coverer
        self.messageID = messageID
        self.at = at
    }
}
