import Foundation

/// Everything the customer sidebar shows, read in one go.
public struct CustomerProfile: Sendable, Hashable {
    public var customer: Customer
    public var owner: Agent?
    /// Date of the last message in either direction.
    public var lastContact: Date?
    /// Date we last wrote to them (outbound).
    public var lastWrittenTo: Date?
    public var referredBy: Customer?
    public var referrals: [Referral]
    public var lastHandoff: Assignment?
    public var upcomingEvents: [HeadsUpEvent]
    public var health: RelationshipHealth?
    /// Other customers with the same name under another address (`CustomerMerge.likelyDuplicates`);
    /// filled by the application layer, not the store.
    public var likelyDuplicates: [Customer] = []

    public init(customer: Customer, owner: Agent?, lastContact: Date?, lastWrittenTo: Date? = nil,
                referredBy: Customer?, referrals: [Referral], lastHandoff: Assignment?,
                upcomingEvents: [HeadsUpEvent], health: RelationshipHealth? = nil) {
        self.customer = customer
        self.owner = owner
        self.lastContact = lastContact
        self.lastWrittenTo = lastWrittenTo
        self.referredBy = referredBy
        self.referrals = referrals
        self.lastHandoff = lastHandoff
        self.upcomingEvents = upcomingEvents
        self.health = health
    }
}

/// A customer who was referred by another, and whether the referrer has been thanked.
public struct Referral: Sendable, Hashable, Codable {
    public var referrerID, referredID: CustomerID
    public var referredName: String
    public var recorded: Date
    public var thanked: Bool
    public var coupon: String?

    public init(referrerID: CustomerID, referredID: CustomerID, referredName: String, recorded: Date,
                thanked: Bool, coupon: String? = nil) {
        self.referrerID = referrerID
        self.referredID = referredID
        self.referredName = referredName
        self.recorded = recorded
        self.thanked = thanked
        self.coupon = coupon
    }
}

/// A market-norm event (rate increase, fee, policy change) as the customer hears of it: what, from when.
public struct HeadsUpNotice: Sendable, Hashable, Codable {
    public var kind: String
    public var effectiveDate: Date
    public var details: String

    public init(kind: String, effectiveDate: Date, details: String) {
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.details = details
    }
}

/// A market-norm event a customer should hear about from us first. Its notice's fields read as its own.
@dynamicMemberLookup
public struct HeadsUpEvent: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    public var notice: HeadsUpNotice
    /// When the personal message should go out (effective date minus the lead time).
    public var due: Date
    public var told: Bool

    public subscript<Value>(dynamicMember field: WritableKeyPath<HeadsUpNotice, Value>) -> Value {
        get { notice[keyPath: field] }
        set { notice[keyPath: field] = newValue }
    }

    public init(customerID: CustomerID, kind: String, effectiveDate: Date, details: String, due: Date, told: Bool) {
        self.customerID = customerID
        notice = HeadsUpNotice(kind: kind, effectiveDate: effectiveDate, details: details)
        self.due = due
        self.told = told
    }
}

/// "Same person" figures for one customer.
public struct RelationshipHealth: Sendable, Hashable, Codable {
    /// Share (0...1) of our outbound messages written by the current owner; nil when we never wrote.
    public var sameOwnerShare: Double?
    public var ownerChangesLastYear: Int
    public var daysSinceWeWrote: Int?

    public init(sameOwnerShare: Double?, ownerChangesLastYear: Int, daysSinceWeWrote: Int?) {
        self.sameOwnerShare = sameOwnerShare
        self.ownerChangesLastYear = ownerChangesLastYear
        self.daysSinceWeWrote = daysSinceWeWrote
    }

    /// From what a store counts: our authored messages to the customer and how many of them the
    /// owner wrote, owner changes in the year before `now`, when we last wrote.
    public init(ourMessages: Int, byOwner: Int, ownerChangesLastYear: Int, lastWritten: Date?, now: Date) {
        self.init(sameOwnerShare: ourMessages == 0 ? nil : Double(byOwner) / Double(ourMessages),
                  ownerChangesLastYear: ownerChangesLastYear,
                  daysSinceWeWrote: lastWritten.map { Int(now.timeIntervalSince($0) / 86_400) })
    }

    /// Owner changes are counted from this moment on.
    public static func yearBefore(_ now: Date) -> Date { now.addingTimeInterval(-365 * 86_400) }
}
