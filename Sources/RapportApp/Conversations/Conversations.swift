import Foundation
import RapportCore

/// Reading and filing conversations: the list's pages and counts, a thread with its customer, the
/// read marks and the status. Plain reads and writes with no rule to decide; they pass through here
/// so the command line and the inbox have one door to the store.
public struct Conversations: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// One page of a list, newest activity first; `agent` decides the unread marks.
    public func page(_ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection, limit: Int,
                     agent: String) throws -> [ConversationSummary] {
        try store.conversations(query, from: cursor, direction: direction, limit: limit, agent: agent)
    }

    /// The first `limit` rows of a list, walking keyset pages of at most 500 (never one unbounded query).
    public func rows(_ query: ConversationQuery, limit: Int, agent: String) throws -> [ConversationSummary] {
        var rows: [ConversationSummary] = []
        var cursor: PageCursor?
        while rows.count < limit {
            let want = min(500, limit - rows.count)
            let page = try page(query, from: cursor, direction: .after, limit: want, agent: agent)
            rows += page
            guard let last = page.last, page.count == want else { break }
            cursor = last.cursor
        }
        return rows
    }

    /// Conversations with a message holding every word of `text` (the last one as a prefix), newest
    /// activity first: what the inbox's search box finds, with the same owner and status filters.
    public func search(_ text: String, owner: OwnerFilter = .anyone, status: ConversationStatus? = nil, limit: Int,
                       agent: String) throws -> [ConversationSummary] {
        try rows(ConversationQuery(owner: owner, statuses: status.map { [$0] }, text: text), limit: limit, agent: agent)
    }

    /// How many conversations a list (search results) holds, counted no further than `cap`.
    public func count(_ query: ConversationQuery, agent: String, cap: Int) throws -> Int {
        try store.countConversations(query, agent: agent, cap: cap)
    }

    /// Where a conversation sits in the list order, to open a page around it; nil when it is gone.
    public func cursor(of id: ConversationID) throws -> PageCursor? {
        try store.conversation(id: id).map { PageCursor(lastActivity: $0.lastActivity, id: $0.id) }
    }

    public func counts(agent: String) throws -> InboxCounts {
        try store.counts(agent: agent)
    }

    /// Open conversations per owner, for the assign picker.
    public func openConversationCounts() throws -> [String: Int] {
        try store.openConversationCounts()
    }

    /// The agent's counts, with Mine and Pending also counting the customers of `alsoOwners` (the away
    /// agents they cover for).
    public func counts(agent: String, alsoOwners: [String]) throws -> InboxCounts {
        var counts = try store.counts(agent: agent)
        for owner in alsoOwners {
            let theirs = try store.counts(agent: owner)
            counts.mine += theirs.mine
            counts.pending += theirs.pending
        }
        return counts
    }

    /// A conversation, its messages oldest first, and its customer's profile.
    public func thread(_ id: ConversationID) throws -> (Conversation, [Message], CustomerProfile?) {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        let messages = try store.messages(conversation: id)
        var profile = try store.customerProfile(id: conversation.customerID, now: clock())
        // The sidebar hints at a record of the same person under another address.
        if let customer = profile?.customer {
            profile?.likelyDuplicates = try Customers(store: store, clock: clock).likelyDuplicates(of: customer)
        }
        return (conversation, messages, profile)
    }

    /// One message by id; unknown ids are refused.
    public func message(_ id: MessageRowID) throws -> Message {
        guard let message = try store.message(id: id) else { throw RapportError.invalid("no message \(id)") }
        return message
    }

    public func markSeen(_ id: ConversationID, agent: String) throws {
        try store.markSeen(conversation: id, agent: agent, at: clock())
    }

    /// Shows the conversation unread to `agent` again (`U` in the inbox, `rapport unread`).
    public func markUnread(_ id: ConversationID, agent: String) throws {
        try store.markUnread(conversation: id, agent: agent)
    }

    public func setStatus(_ status: ConversationStatus, of id: ConversationID) throws {
        try store.setStatus(status, conversation: id)
    }

    /// Customers whose name or an address starts with `text`, for pickers.
    public func findCustomers(_ text: String, limit: Int = 20) throws -> [Customer] {
        try store.findCustomers(matching: text, limit: limit)
    }
}
