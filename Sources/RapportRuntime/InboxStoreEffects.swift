import Foundation
import RapportApp
import RapportCore
import RapportTUI

/// What the inbox reads and writes: the relationship workflows and presence.
public typealias InboxStore = WorkflowStore & PresenceStore

/// The inbox's store effects — reading pages, counts and threads, assigning, setting a status —
/// answered with messages for `update`. Shared by `rapport`'s effect runner and `rapport-bench`,
/// so the benchmark times the code the inbox runs. Effects that need more than the store
/// (the composer, templates, the terminal) are left to the runner: `answer` returns nil for them.
public struct InboxStoreEffects {
    public let store: any InboxStore
    public let agent: Agent
    public var clock: () -> Date
    /// Days without a message from us before a customer shows in the Quiet work list.
    public var quietDays: Int

    public init(store: any InboxStore, agent: Agent, clock: @escaping () -> Date = Date.init, quietDays: Int = 90) {
        self.store = store
        self.agent = agent
        self.clock = clock
        self.quietDays = quietDays
    }

    /// The messages answering `effect`, refusals and failures included (the inbox shows them and goes
    /// on), or nil when it is not a store effect.
    public func perform(_ effect: Effect) -> [AppMsg]? {
        do {
            return try answer(effect)
        } catch {
            // A heartbeat that did not get through is said again on a later tick; no message for it.
            if case .presence = effect { return [] }
            // A thread nobody asked for yet: Enter reads it again and says what went wrong.
            if case .readAhead = effect { return [] }
            if case let .assign(customer, _, _) = effect {
                return [.assignFailed(customer, reason: Self.describe(error))]
            }
            return [.failed(Self.describe(error))]
        }
    }

    /// What a person reads for a failure: a `RapportError`'s own words.
    public static func describe(_ error: any Error) -> String {
        (error as? RapportError)?.description ?? String(describing: error)
    }

    private var conversations: Conversations { Conversations(store: store, clock: clock) }
    private func thread(_ id: ConversationID) throws -> ThreadData {
        let (conversation, messages, profile) = try conversations.thread(id)
        return ThreadData(conversation: conversation, messages: messages, profile: profile)
    }
    private var cover: Cover { Cover(store: store, clock: clock) }
    private func counts() throws -> InboxCounts {
        var counts = try conversations.counts(agent: agent.login, alsoOwners: try cover.covered(by: agent.login).map(\.login))
        (counts.forYou, counts.forYouConversations) = try ForYou(store: store, clock: clock).unreadSummary(agent: agent.login)
        return counts
    }

    /// The messages answering `effect`, or nil when it is not a store effect. Refusals throw.
    public func answer(_ effect: Effect) throws -> [AppMsg]? {
        switch effect {
        case .loadPage(let request):
            if case .view(let view) = request.source, view.isWorklist {
                let page = try WorklistLoader.page(view, request, worklists: Worklists(store: store, clock: clock),
                                                   agent: agent, quietDays: quietDays)
                // Showing "For you" is reading it: the rows keep their unread marks for this look, the count clears.
                guard view == .forYou, case .around = request.placement else { return [.pageLoaded(request, page)] }
                try ForYou(store: store, clock: clock).markRead(agent: agent.login)
                return [.pageLoaded(request, page), .countsLoaded(try counts())]
            }
            let page = try PageLoader.load(request, fetch: { query, cursor, direction, limit in
                try conversations.page(query, from: cursor, direction: direction, limit: limit, agent: agent.login)
            }, locate: { id in
                try conversations.cursor(of: id)
            })
            return [.pageLoaded(request, page)]

        case .loadCounts:
            // Mine counts the customers of the agents this one covers for, as the Mine list shows them.
            return [.countsLoaded(try counts())]

        case .loadAgents:
            return [.agentsLoaded(try Agents(store: store).list()), .absencesLoaded(try store.absences())]

        case let .goAway(until, coverer):
            try cover.away(agent.login, until: until, cover: coverer, by: agent.login)
            return [.absencesLoaded(try store.absences()), .countsLoaded(try counts())]

        case .comeBack:
            try cover.back(agent.login)
            return [.absencesLoaded(try store.absences())]

        case .loadAgentLoads:
            return [.agentLoadsLoaded(try conversations.openConversationCounts())]

        case .openConversation(let id):
            return [.threadLoaded(try thread(id))]

        case .readAhead(let id):
            return [.threadReadAhead(try thread(id))]

        case .markSeen(let id):
            try conversations.markSeen(id, agent: agent.login)
            return []

        case .markUnread(let id):
            try conversations.markUnread(id, agent: agent.login)
            return []

        case let .snooze(id, until):
            try Snoozes(store: store, clock: clock).snooze(id, until: until)
            return []

        case .wakeSnoozes:
            // A conversation back in the views changes what the list shows: read it again.
            return try Snoozes(store: store, clock: clock).wakeDue().isEmpty ? [] : [.storeChanged]

        case let .assign(customer, to, note):
            return [.assigned(try Ownership(store: store).change(customer: customer, to: to, by: agent.login, note: note))]

        case let .setStatus(id, status):
            try conversations.setStatus(status, of: id)
            return [.statusSet(id, status)]

        case .undo(let change):
            return [.undone(try Undo(store: store, clock: clock).undo(change, by: agent.login))]

        case .findCustomers(let text):
            return [.customersFound(text, try conversations.findCustomers(text, limit: 20))]

        case .customers(.openPage(let id)):
            let customers = Customers(store: store, clock: clock)
            guard try customers.lookUp(id: id) != nil else { return [.customers(.pageGone(id))] }
            return [.customers(.pageLoaded(try customers.page(customer: id, agent: agent.login)))]

        case let .customers(.countSearch(text, query)):
            let count = try conversations.count(query, agent: agent.login, cap: SearchCount.cap)
            return [.customers(.searchCounted(text: text, count: count))]

        case let .customers(.rename(id, first, last)):
            let renamed = try Customers(store: store, clock: clock).edit(customer: id, .init(firstName: first, lastName: last))
            return [.customers(.changed("Named \(renamed.fullName)"))]

        case let .customers(.editAddress(id, address, adding)):
            let customers = Customers(store: store, clock: clock)
            let edit = adding ? Customers.Edit(addAddresses: [address]) : Customers.Edit(removeAddresses: [address])
            let customer = try customers.edit(customer: id, edit)
            return [.customers(.changed("\(adding ? "Added" : "Removed") \(address) \(adding ? "to" : "from") \(customer.fullName)"))]

        case let .customers(.merge(from, into, note)):
            let customers = Customers(store: store, clock: clock)
            let merged = try customers.find(id: from).fullName
            try customers.merge(from, into: into, by: agent.login, note: note)
            return [.customers(.changed("\(merged) is now part of \(try customers.find(id: into).fullName)"))]

        case .presence(let presence):
            let board = Presence(store: store, clock: clock)
            switch presence {
            case let .beat(id, activity): try board.beat(agent: agent.login, conversation: id, activity: activity)
            case .leave: try board.leave(agent: agent.login)
            case .read: return [.presenceLoaded(try board.others(than: agent.login))]
            }
            return []

        case .recordReferral, .composer, .saveAttachment, .openAttachment, .redraw, .suspend, .quit:
            return nil   // not store effects: the runner and the loop interpret them
        }
    }
}
