import Foundation

/// Whose conversations a list shows.
public enum OwnerFilter: Sendable, Hashable {
    case anyone
    case agent(String)
    case unassigned
}

/// A filter over conversations, as used by list screens, search and the CLI.
public struct ConversationQuery: Sendable, Hashable {
    public var owner: OwnerFilter
    /// nil means every status.
    public var statuses: Set<ConversationStatus>?
    /// Search: full text over message subjects and texts (FTS5 syntax is escaped by the store), and
    /// the conversations of customers whose name or an address starts with it (as `findCustomers`).
    public var text: String?
    /// Conversations with no message yet (a prepared heads-up or thank-you waiting as a draft) are left
    /// out of the working views; their own views list them.
    public var includeEmpty: Bool
    /// Snoozed conversations (`Conversation.snoozedUntil` set) leave the views until they wake;
    /// search results still find them.
    public var includeSnoozed: Bool
    /// With `owner: .agent`, also the conversations of customers these agents own (the away agents the
    /// viewer covers for, as `CoverRule` decides: the store only reads the logins it is given).
    public var alsoOwners: [String]

    public init(owner: OwnerFilter = .anyone, statuses: Set<ConversationStatus>? = nil, text: String? = nil,
                includeEmpty: Bool = false, includeSnoozed: Bool = false, alsoOwners: [String] = []) {
        self.owner = owner
        self.statuses = statuses
        self.text = text
        self.includeEmpty = includeEmpty
        self.includeSnoozed = includeSnoozed
        self.alsoOwners = alsoOwners
    }
}

/// Keyset pagination position: the last row of the previous page.
/// Lists are ordered by last activity, newest first, ties broken by id.
public struct PageCursor: Sendable, Hashable {
    public var lastActivity: Date
    public var id: ConversationID

    public init(lastActivity: Date, id: ConversationID) {
        self.lastActivity = lastActivity
        self.id = id
    }
}

/// Which way a page goes from its cursor.
public enum PageDirection: Sendable, Hashable {
    /// Older rows after the cursor (down the list).
    case after
    /// Newer rows before the cursor (up the list), returned in list order.
    case before
}

/// One row of a conversation list: what the list screen needs, nothing more.
public struct ConversationSummary: Sendable, Hashable, Identifiable {
    public var id: ConversationID
    public var customerID: CustomerID
    public var customerName: String
    public var ownerLogin: String?
    public var ownerFirstName: String?
    public var status: ConversationStatus
    public var lastActivity: Date
    public var subject: String
    /// A customer message arrived after the current agent last opened it.
    public var unread: Bool
    public var messageCount: Int
    /// The customer's oldest message that no reply of ours has followed (notes and mail merely claiming
    /// an agent's address are no reply); nil when we answered last or they never wrote. A fact the
    /// store reads; whether the conversation waits on us is `waitingOnUsSince`'s rule.
    public var unansweredSince: Date?

    public init(id: ConversationID, customerID: CustomerID, customerName: String, ownerLogin: String?,
                ownerFirstName: String?, status: ConversationStatus, lastActivity: Date, subject: String,
                unread: Bool, messageCount: Int, unansweredSince: Date? = nil) {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.ownerLogin = ownerLogin
        self.ownerFirstName = ownerFirstName
        self.status = status
        self.lastActivity = lastActivity
        self.subject = subject
        self.unread = unread
        self.messageCount = messageCount
        self.unansweredSince = unansweredSince
    }

    /// Since when the conversation waits on us: the customer wrote last, and it is open (a person set it
    /// pending or closed on purpose; a customer's new message makes it open again). nil when it does not.
    public var waitingOnUsSince: Date? {
        status == .open ? unansweredSince : nil
    }

    public var cursor: PageCursor { PageCursor(lastActivity: lastActivity, id: id) }
}

/// The status bar's numbers for one agent.
public struct InboxCounts: Sendable, Hashable {
    /// `mine`: the agent's open and pending conversations; `unassigned`: open and pending conversations
    /// of customers with no owner; `pending`: the agent's conversations pending, waiting on the customer.
    /// ("Waiting" alone always means waiting on us: the customer wrote last.)
    public var mine, unassigned, pending: Int
    /// The team's replies that did not go out cleanly (failed, needing a decision, left in sending):
    /// filled from the outbox by the inbox, not by the store's count query.
    public var outboxProblems = 0
    /// The agent's unread "For you" items: filled by the inbox from `ForYou`, not by the store's count query.
    public var forYou = 0
    /// The conversations those unread items are about, so their rows in any list can be marked.
    public var forYouConversations: Set<ConversationID> = []

    public init(mine: Int, unassigned: Int, pending: Int, outboxProblems: Int = 0) {
        self.mine = mine
        self.unassigned = unassigned
        self.pending = pending
        self.outboxProblems = outboxProblems
    }
}
