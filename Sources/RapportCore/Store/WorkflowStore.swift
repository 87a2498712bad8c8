import Foundation

/// The relationship workflows' reads and writes: referrals and thank-you notes, heads-up before
/// market-norm events, "same person" figures. Separate from `ConversationStore` so a store can
/// grow into it; `RapportStore.SQLiteStore` implements both.
public protocol WorkflowStore: ConversationStore, CustomerRecordStore {
    /// Records how a customer heard about us. With a referring customer and a `thankYou` text, also opens
    /// a conversation with the referrer and leaves the thank-you as a draft for the referrer's owner
    /// (or for whoever takes the referrer, when they have none). Nothing is sent.
    func recordReferral(customer: CustomerID, referrer: CustomerID?, source: String?, coupon: String?,
                        thankYou: PreparedMessage?, at: Date) throws
    func referrals(unthankedOnly: Bool) throws -> [ReferralRecord]
    /// Customers whose name or one of whose addresses starts with `text` (any word of the name), for pickers.
    func findCustomers(matching text: String, limit: Int) throws -> [Customer]
    /// Referrers owned by `agent` with referrals not yet thanked, oldest referral first.
    func thankYouQueue(agent: String) throws -> [ThankYouItem]

    /// Imports heads-up rows in one transaction; an event already imported (same customer, kind and date)
    /// creates nothing. Returns how many events were new.
    func importHeadsUps(_ rows: [HeadsUpImport.Row], message: (HeadsUpImport.Row, Customer, Agent?) throws -> PreparedMessage)
        throws -> Int
    /// The agent's heads-up drafts not yet sent, by due date.
    func headsUpQueue(agent: String) throws -> [HeadsUpItem]
    func headsUpStatus(now: Date) throws -> [HeadsUpStatusRow]

    /// Imports a book of customers in one transaction: new ones are added, known ones get their names
    /// updated and new addresses added. An owner change is only made with `reassign`, logged with the note "import".
    func importCustomers(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult
    /// Rows that clash with the store: addresses of two different customers, or an owner change
    /// (which only `--reassign` may make).
    func importConflicts(in rows: [CustomerImport.Row]) throws -> [ImportConflict]

    /// The notes mentioning `agent` and the assignments that took a customer from them (`from` is the
    /// agent, `to` someone else or nobody), newest first, at most `limit`. Who made them is not filtered.
    func forYou(agent: String, limit: Int) throws -> [ForYouItem]
    /// When `agent` last looked at their "For you" items (nil: never).
    func forYouReadAt(agent: String) throws -> Date?
    /// Records that `agent` has seen their "For you" items up to `at` (never moves back).
    func markForYouRead(agent: String, at: Date) throws

    /// Figures per agent. With a `period`, the first-reply times count conversations whose first customer
    /// message falls in it and the "same person" share counts our messages dated in it; customers owned and
    /// conversations waiting on us are always as of now.
    func teamStats(now: Date, period: DateInterval?) throws -> TeamStats
    /// The agent's customers we have not written to for more than `days` days (or never), longest first.
    func quietCustomers(agent: String, days: Int, now: Date) throws -> [QuietCustomer]
}

/// A message Rapport prepares for a person to finish and send.
public struct PreparedMessage: Sendable, Hashable {
    public var subject: String
    public var text: String
    public init(subject: String, text: String) { self.subject = subject; self.text = text }
}

public struct ReferralRecord: Sendable, Hashable, Codable {
    public var customerEmail, customerName: String
    public var referrerEmail, referrerName, source, coupon: String?
    public var recorded: Date
    public var thanked: Bool

    public init(customerEmail: String, customerName: String, referrerEmail: String?, referrerName: String?, source: String?, coupon: String?, recorded: Date, thanked: Bool) {
        self.customerEmail = customerEmail
        self.customerName = customerName
        self.referrerEmail = referrerEmail
        self.referrerName = referrerName
        self.source = source
        self.coupon = coupon
        self.recorded = recorded
        self.thanked = thanked
    }
}

public struct ThankYouItem: Sendable, Hashable {
    public var referrerID: CustomerID
    public var referrerName: String
    /// Names of the customers they referred who have not been thanked for yet.
    public var referred: [String]
    public var oldest: Date
    /// The conversation holding the thank-you draft, when there is one.
    public var conversationID: ConversationID?

    public init(referrerID: CustomerID, referrerName: String, referred: [String], oldest: Date, conversationID: ConversationID?) {
        self.referrerID = referrerID
        self.referrerName = referrerName
        self.referred = referred
        self.oldest = oldest
        self.conversationID = conversationID
    }
}

public struct HeadsUpItem: Sendable, Hashable {
    public var conversationID: ConversationID
    public var customerID: CustomerID
    public var customerName: String
    public var kind: String
    public var effectiveDate, due: Date
    public func isOverdue(now: Date) -> Bool { due < now }

    public init(conversationID: ConversationID, customerID: CustomerID, customerName: String, kind: String, effectiveDate: Date, due: Date) {
        self.conversationID = conversationID
        self.customerID = customerID
        self.customerName = customerName
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.due = due
    }
}

public struct HeadsUpStatusRow: Sendable, Hashable, Codable {
    public var kind, effectiveDate: String
    public var affected, told, pending, overdue: Int

    public init(kind: String, effectiveDate: String, affected: Int, told: Int, pending: Int, overdue: Int) {
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.affected = affected
        self.told = told
        self.pending = pending
        self.overdue = overdue
    }
}

public struct CustomerImportResult: Sendable, Hashable, Codable {
    public var added, updated, reassigned: Int

    public init(added: Int, updated: Int, reassigned: Int) {
        self.added = added
        self.updated = updated
        self.reassigned = reassigned
    }
}

public struct AgentStats: Sendable, Hashable, Codable {
    public var login: String
    public var customersOwned: Int
    /// Open conversations whose last customer message has no answer from us yet.
    public var waitingOnUs: Int
    /// Median seconds from a conversation's first customer message to our first reply; nil with no replies.
    public var medianFirstReplySeconds: Double?
    /// Share of outbound messages to this agent's customers that this agent wrote.
    public var samePersonShare: Double?

    public init(login: String, customersOwned: Int, waitingOnUs: Int, medianFirstReplySeconds: Double?, samePersonShare: Double?) {
        self.login = login
        self.customersOwned = customersOwned
        self.waitingOnUs = waitingOnUs
        self.medianFirstReplySeconds = medianFirstReplySeconds
        self.samePersonShare = samePersonShare
    }
}

public struct TeamStats: Sendable, Hashable, Codable {
    public var agents: [AgentStats]
    public var team: AgentStats

    public init(agents: [AgentStats], team: AgentStats) {
        self.agents = agents
        self.team = team
    }
}

public struct QuietCustomer: Sendable, Hashable {
    public var customerID: CustomerID
    public var name, email: String
    public var lastWrittenTo: Date?
    public var daysQuiet: Int?
    /// Their most recent conversation, where a check-in can pick up the thread.
    public var lastConversationID: ConversationID?

    public init(customerID: CustomerID, name: String, email: String, lastWrittenTo: Date?, daysQuiet: Int?,
                lastConversationID: ConversationID? = nil) {
        self.customerID = customerID
        self.name = name
        self.email = email
        self.lastWrittenTo = lastWrittenTo
        self.daysQuiet = daysQuiet
        self.lastConversationID = lastConversationID
    }
}

public struct ImportConflict: Sendable, Hashable {
    public var problem: ImportProblem
    /// True when the row would change the customer's owner; false when it can not be imported at all.
    public var isOwnerChange: Bool

    public init(problem: ImportProblem, isOwnerChange: Bool) {
        self.problem = problem
        self.isOwnerChange = isOwnerChange
    }
}

extension WorkflowStore {
    /// Figures over all time.
    public func teamStats(now: Date) throws -> TeamStats { try teamStats(now: now, period: nil) }
}
