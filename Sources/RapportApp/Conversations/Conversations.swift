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

    /// Where a conversation sits in the list order, to open a page around it; nil when it is gone.
    public func cursor(of id: ConversationID) throws -> PageCursor? {
        try store.conversation(id: id).map { PageCursor(lastActivity: $0.lastActivity, id: $0.id) }
    }

    public func counts(agent: String) throws -> InboxCounts {
        try store.counts(agent: agent)
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
        let profile = try store.customerProfile(id: conversation.customerID, now: clock())
        return (conversation, messages, profile)
    }

    public func markSeen(_ id: ConversationID, agent: String) throws {
        try store.markSeen(conversation: id, agent: agent, at: clock())
    }

    public func setStatus(_ status: ConversationStatus, of id: ConversationID) throws {
        try store.setStatus(status, conversation: id)
    }

    /// Customers whose name or an address starts with `text`, for pickers.
    public func findCustomers(_ text: String, limit: Int = 20) throws -> [Customer] {
        try store.findCustomers(matching: text, limit: limit)
    }
}
