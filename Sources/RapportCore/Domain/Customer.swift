import Foundation

public typealias CustomerID = Int64

/// A person or business we look after. Exactly one owner (or none: the Unassigned queue).
public struct Customer: Sendable, Hashable, Codable, Identifiable, NamedPerson {
    public var id: CustomerID
    public var firstName, lastName: String
    /// Login of the agent who owns this customer; nil means unassigned.
    public var owner: String?
    /// Every address the customer writes from; the first is the primary one.
    public var addresses: [String]
    public var created: Date
    /// True once we have exchanged messages with them, or when imported as existing.
    public var isExisting: Bool
    /// The customer who referred this one, if recorded.
    public var referredBy: CustomerID?
    /// A free-text referral source ("search", "radio") when not referred by a customer.
    public var referralSource: String?
    /// The name was guessed (from an address, or a role address's display name), not given by anyone:
    /// the greeting rule does not insist on it, and the composer says how to set the real one.
    public var nameIsGuess: Bool

    public init(id: CustomerID, firstName: String, lastName: String, owner: String?, addresses: [String],
                created: Date, isExisting: Bool, referredBy: CustomerID? = nil, referralSource: String? = nil,
                nameIsGuess: Bool = false) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.owner = owner
        self.addresses = addresses
        self.created = created
        self.isExisting = isExisting
        self.referredBy = referredBy
        self.referralSource = referralSource
        self.nameIsGuess = nameIsGuess
    }

    public var primaryEmail: String { addresses.first ?? "" }

    /// Whether "how did you hear about us?" has been answered.
    public var hasReferralAnswer: Bool { referredBy != nil || !(referralSource ?? "").isEmpty }
}

/// What is needed to create a customer.
public struct NewCustomer: Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    public var email: String
    public var owner: String?
    public var isExisting: Bool
    public var created: Date?

    public init(firstName: String, lastName: String, email: String, owner: String? = nil,
                isExisting: Bool = false, created: Date? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.owner = owner
        self.isExisting = isExisting
        self.created = created
    }
}
