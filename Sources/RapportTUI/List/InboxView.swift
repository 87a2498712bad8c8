import RapportCore

/// A saved list of conversations, switched with Tab and the number keys.
///
/// Heads-up and Thank-you are work lists rather than queries over all conversations: the
/// agent's own due heads-up drafts (by due date) and their referrers waiting for a thank-you
/// (oldest first). They are bounded by one agent's work, so they are read whole.
public enum InboxView: Int, Sendable, Hashable, CaseIterable {
    case mine = 1, unassigned, all, pending, headsUp, thankYou, quiet
    /// My conversations waiting on us (the customer wrote last), the longest waiting first.
    case waiting
    /// Notes that mention me and customers taken from me, newest first.
    case forYou

    public var number: Int { rawValue }

    public var title: String {
        switch self {
        case .mine: "Mine"
        case .unassigned: "Unassigned"
        case .all: "All"
        case .pending: "Pending"
        case .headsUp: "Heads-up"
        case .thankYou: "Thank-you"
        case .quiet: "Quiet"
        case .waiting: "Waiting"
        case .forYou: "For you"
        }
    }

    /// What the help says after "view:": the two kinds of waiting told apart.
    public var helpTitle: String {
        switch self {
        case .pending: "Pending (waiting on the customer)"
        case .waiting: "Waiting (on us, the longest first)"
        case .forYou: "For you (notes mentioning you, customers taken from you)"
        default: title
        }
    }

    /// A shorter title for narrow terminals.
    public var shortTitle: String {
        switch self {
        case .mine: "Mine"
        case .unassigned: "Unas"
        case .all: "All"
        case .pending: "Pend"
        case .headsUp: "Head"
        case .thankYou: "Thx"
        case .quiet: "Qt"
        case .waiting: "Wait"
        case .forYou: "You"
        }
    }

    /// A work list read whole from the workflows rather than paged from a conversation query.
    public var isWorklist: Bool { self == .headsUp || self == .thankYou || self == .quiet || self == .waiting || self == .forYou }

    /// Whether a conversation given this status stays in the view (`s` on a row: see `ListWindow.departed`).
    public func keeps(_ status: ConversationStatus) -> Bool {
        switch self {
        case .waiting: status == .open
        case .headsUp, .thankYou, .quiet, .forYou: true
        case .mine, .unassigned, .all, .pending: query(agent: "")?.statuses?.contains(status) ?? true
        }
    }

    /// The store query behind the view, for `agent`; nil for the work lists.
    public func query(agent: String) -> ConversationQuery? {
        switch self {
        case .mine: ConversationQuery(owner: .agent(agent), statuses: [.open, .pending])
        case .unassigned: ConversationQuery(owner: .unassigned, statuses: [.open, .pending])
        case .all: ConversationQuery(owner: .anyone, statuses: nil)
        case .pending: ConversationQuery(owner: .agent(agent), statuses: [.pending])
        case .headsUp, .thankYou, .quiet, .waiting, .forYou: nil
        }
    }
}

/// What a list screen shows: a view, the results of a search, or one agent's conversations.
public enum ListSource: Sendable, Hashable {
    case view(InboxView)
    case search(String)
    /// The open and pending conversations of one owner's customers (`o`, then the agent picker).
    case owner(login: String, name: String)

    public func query(agent: String) -> ConversationQuery? {
        switch self {
        case .view(let view): view.query(agent: agent)
        case .search(let text): ConversationQuery(owner: .anyone, statuses: nil, text: text, includeSnoozed: true)
        case .owner(let login, _): ConversationQuery(owner: .agent(login), statuses: [.open, .pending])
        }
    }

    /// A list reached from a view (search results, an owner's list): Esc and `q` return to the view.
    public var isDetour: Bool {
        if case .view = self { return false }
        return true
    }
}
