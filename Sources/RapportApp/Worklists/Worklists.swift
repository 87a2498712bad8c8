import Foundation
import RapportCore

/// One agent's relationship work: heads-ups to send, referrers to thank, quiet customers to check in on.
public struct Worklists: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// The agent's heads-up drafts not yet sent, by due date.
    public func headsUps(agent: String) throws -> [HeadsUpItem] {
        try store.headsUpQueue(agent: agent)
    }

    /// Referrers to thank: the agent's own, and those with no owner yet (everyone's to see: taking one
    /// brings the draft along), oldest referral first. `owned` tells which are the agent's.
    public func thankYous(agent: String) throws -> [(item: ThankYouItem, owned: Bool)] {
        let mine = try store.thankYouQueue(agent: agent).map { (item: $0, owned: true) }
        let unowned = try store.thankYouQueue(agent: "").map { (item: $0, owned: false) }
        return (mine + unowned).sorted { $0.item.oldest < $1.item.oldest }
    }

    /// The agent's conversations waiting on us (the customer wrote last), the longest waiting first.
    /// Read from the agent's open conversations by keyset pages: one agent's work, not a table.
    public func waitingOnUs(agent: String) throws -> [ConversationSummary] {
        let query = ConversationQuery(owner: .agent(agent), statuses: [.open])
        var waiting: [ConversationSummary] = []
        var cursor: PageCursor?
        while true {
            let page = try store.conversations(query, from: cursor, direction: .after, limit: 500, agent: agent)
            waiting += page.filter { $0.waitingOnUsSince != nil }
            guard let last = page.last, page.count == 500 else { break }
            cursor = last.cursor
        }
        return waiting.sorted { ($0.waitingOnUsSince!, $0.id) < ($1.waitingOnUsSince!, $1.id) }
    }

    /// Notes mentioning the agent and customers taken from them, newest first, with their unread marks.
    public func forYou(agent: String) throws -> [(item: ForYouItem, unread: Bool)] {
        try ForYou(store: store, clock: clock).items(agent: agent)
    }

    /// First names by login, for the lines that say who did what.
    public func agentNames() throws -> [String: String] {
        Dictionary(try store.agents().map { ($0.login, $0.firstName.isEmpty ? $0.login : $0.firstName) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The agent's customers we have not written to for more than `days` days (or never), longest first.
    public func quiet(agent: String, days: Int) throws -> [QuietCustomer] {
        try store.quietCustomers(agent: agent, days: days, now: clock())
    }
}
