import Foundation

/// Editing customers as people: names, addresses, two records that are one person, and the whole
/// history of one customer. Plain data access; `Customers` and `CustomerMerge` decide what may happen.
public protocol CustomerRecordStore: Sendable {
    /// Sets a customer's name as a person gave it: from now on it is not a guess.
    func renameCustomer(_ id: CustomerID, firstName: String, lastName: String) throws
    /// Removes one of a customer's addresses; the others keep their order (the next one becomes the
    /// primary one when the primary goes). Refused when it is not theirs or is their only address.
    func removeAddress(_ email: String, from customer: CustomerID) throws
    /// Makes `plan.from` part of `plan.into` in one transaction: its conversations, addresses (after
    /// `into`'s), assignment log, heads-up events (one per kind and date) and the customers it referred
    /// move to `into`, which takes the plan's name, existing flag and (if the plan says so) `from`'s
    /// referral answer; `plan.log` is written; `from` is deleted. Conditional on both owners still
    /// being the plan's expected ones: nil, and nothing written, when either changed.
    func mergeCustomers(_ plan: CustomerMerge.Plan) throws -> Assignment?
    /// Every conversation of the customer, drafts-only ones too, newest first, with who wrote last.
    func customerConversations(_ id: CustomerID, agent: String) throws -> [CustomerConversation]
    /// How many conversations `query` lists, counting no further than `cap`.
    func countConversations(_ query: ConversationQuery, agent: String, cap: Int) throws -> Int
    /// Customers whose full name (`PersonName.full`) is `fullName`, case aside, by id: read from an
    /// index, since the thread's sidebar asks it (likely duplicates) before its first frame.
    func customers(named fullName: String, limit: Int) throws -> [Customer]
}

/// One of a customer's conversations on their page.
public struct CustomerConversation: Sendable, Hashable {
    public var summary: ConversationSummary
    /// Who wrote the last message (notes aside): the customer, an agent, or nobody yet.
    public var lastWriter: LastWriter

    public enum LastWriter: Sendable, Hashable {
        case nobody
        case customer
        /// An agent's reply (their login); nil for mail that only claims an agent's address.
        case agent(String?)
    }

    public init(summary: ConversationSummary, lastWriter: LastWriter) {
        self.summary = summary
        self.lastWriter = lastWriter
    }
}
