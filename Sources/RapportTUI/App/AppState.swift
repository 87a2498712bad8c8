import Foundation
import RapportCore

/// Everything the inbox shows and remembers. Changed only by `update`; drawn by `render`.
public struct AppState: Sendable {
    /// The agent using this inbox.
    public var agent: Agent
    /// Every agent, for the picker and for owners' names.
    public var agents: [Agent] = []
    /// Open conversations per agent login, read after the assign picker's first frame (nil: not read yet).
    public var agentLoads: [String: Int]?
    /// Every recorded absence (loaded with the agents); `CoverRule` and `now` say which are in force.
    public var absences: [Absence] = []
    public var width: Int
    public var height: Int
    /// The clock, advanced by `.tick`, so ages and dates render deterministically.
    public var now: Date
    public var timeZone: TimeZone
    public var keyMap: KeyMap = .standard

    public var screen: MainScreen = .list
    public var list: ListWindow
    /// The view shown when not searching (and the one Esc returns to from search results).
    public var view: InboxView = .mine
    /// Where the cursor was in the view before a search, to return to it.
    public var savedCursor: SavedCursor?
    public var counts: InboxCounts?
    /// The store's server cannot be reached (a PostgreSQL store whose connection dropped).
    public var storeUnreachable = false
    /// Rows marked with Space, with what bulk assignment needs to know about them.
    public var marks: [ConversationID: AssignTarget] = [:]
    public var overlay: Overlay?
    /// A one-line message in the bottom row, until the next key or for `StatusMessage.lifetime`.
    public var message: StatusMessage? {
        didSet { messageShownAt = now }
    }
    /// When `message` was set, to clear it on a later tick.
    public var messageShownAt: Date?
    /// When the next tick asks for the snoozes that are due (`Effect.wakeSnoozes`).
    public var nextSnoozeCheck: Date?
    /// Results of a bulk assignment still coming in.
    public var assignBatch: AssignBatch?
    /// The reply / note composer (see Composer/).
    public var compose = ComposeState()
    /// The last status change or assignment made here, for `u` (see `UndoableChange.window`).
    public var lastChange: UndoableChange?
    /// How many conversations the search shown matched, once counted.
    public var searchCount: SearchCount?
    /// The other agents' presence marks, as last read (`PresenceRule` says which are still in force).
    public var presence: [PresenceMark] = []
    /// This agent's mark as last written (nil: none, or cleared).
    public var presenceSent: PresenceMark?
    /// When the next tick reads the others' marks.
    public var nextPresenceRead: Date?

    public init(agent: Agent, width: Int, height: Int, now: Date, timeZone: TimeZone = .current) {
        self.agent = agent
        self.width = width
        self.height = height
        self.now = now
        self.timeZone = timeZone
        self.list = ListWindow(source: .view(.mine))
    }

    /// The away agents this agent covers for now: their customers are in Mine, marked.
    public var covering: [Absence] { CoverRule.covered(by: agent.login, in: absences, now: now) }

    /// The owner's absence that lets this agent answer their customer now, if any.
    public func cover(forOwner owner: String?) -> Absence? {
        CoverRule.covering(owner: owner, agent: agent.login, in: absences, now: now)
    }

    /// The thread the next key is likely to open, read ahead (see `ThreadReadAhead`).
    public var readAhead = ThreadReadAhead()

    /// The open conversation, when the thread screen is showing.
    public var thread: ThreadState? {
        if case .thread(let t) = screen { return t }
        return nil
    }

    /// First name of an agent by login, for the owner column and messages.
    public func firstName(of login: String?) -> String? {
        guard let login else { return nil }
        if let agent = agents.first(where: { $0.login == login }) { return agent.firstName }
        return login
    }
}

/// The main screen under any overlay.
public enum MainScreen: Sendable, Hashable {
    case list
    case thread(ThreadState)
}

/// A modal layer that takes the keys while it is open.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case picker(AgentPicker)
    case referral(ReferralPicker)
    case prompt(Prompt)
    /// What to do about a reply that did not go out (`D` in the thread).
    case delivery(DeliveryChoice)
    /// The customer's page (`c`), over the list or the thread it was opened from.
    case customer(CustomerPageState)
}

/// A line in the message row.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// How long a message stays when no key is pressed; an error stays longer, to be read.
    public var lifetime: TimeInterval { isError ? 10 : 5 }
}

/// A customer to be assigned, as known when the assignment was asked for.
public struct AssignTarget: Sendable, Hashable {
    public var customerID: CustomerID
    public var customerName: String
    /// Owner login at the time; decides whether a handoff note is needed.
    public var ownerLogin: String?
    /// The owner's first name, for prompts.
    public var ownerName: String?

    public init(customerID: CustomerID, customerName: String, ownerLogin: String?, ownerName: String? = nil) {
        self.customerID = customerID
        self.customerName = customerName
        self.ownerLogin = ownerLogin
        self.ownerName = ownerName ?? ownerLogin
    }

    public init(_ row: ConversationSummary) {
        self.init(customerID: row.customerID, customerName: row.customerName, ownerLogin: row.ownerLogin,
                  ownerName: row.ownerFirstName)
    }
}

/// An assignment waiting for its handoff note.
public struct PendingAssignment: Sendable, Hashable {
    public var targets: [AssignTarget]
    public var to: Agent

    public init(targets: [AssignTarget], to: Agent) {
        self.targets = targets
        self.to = to
    }

    /// Targets that another agent owns now: taking them is a handover and needs a note.
    public var handovers: [AssignTarget] {
        targets.filter { $0.ownerLogin != nil && $0.ownerLogin != to.login }
    }
}

/// Progress of the assignments sent together, to report them in one message.
public struct AssignBatch: Sendable, Hashable {
    public var to: Agent
    public var total: Int
    /// Customer names as they were when the batch was sent (rows may have left the list since).
    public var names: [CustomerID: String]
    public var done: [String] = []
    public var failed: [String] = []
    /// The assignments made, for `u`.
    public var made: [Assignment] = []

    public init(to: Agent, targets: [AssignTarget]) {
        self.to = to
        self.total = targets.count
        self.names = Dictionary(targets.map { ($0.customerID, $0.customerName) }, uniquingKeysWith: { a, _ in a })
    }

    public var isComplete: Bool { done.count + failed.count >= total }

    /// "Dana is now looked after by you", or the count for several.
    static func doneText(_ names: [String], to who: String) -> String {
        names.count == 1 ? "\(names[0]) is now looked after by \(who)"
                         : "\(names.count) customers are now looked after by \(who)"
    }
}
