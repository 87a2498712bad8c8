import Foundation
import RapportCore
@testable import RapportTUI

/// A fixed clock so ages render the same every run: 2023-11-14 22:13:20 UTC.
let now = Date(timeIntervalSince1970: 1_700_000_000)
let utc = TimeZone(identifier: "UTC")!

let maria = Agent(login: "maria", firstName: "Maria", lastName: "Rossi", email: "maria@example.com")
let bob = Agent(login: "bob", firstName: "Bob", lastName: "Baker", email: "bob@example.com")
let marek = Agent(login: "mk", firstName: "Marek", lastName: "Kowalski", email: "mk@example.com")
let anna = Agent(login: "anna", firstName: "Anna", lastName: "Mariani", email: "anna@example.com")
let team = [maria, bob, marek, anna]

func row(_ id: ConversationID, customer: CustomerID? = nil, name: String = "Customer", owner: Agent? = nil,
         status: ConversationStatus = .open, minutesAgo: Int = 5, subject: String = "Hello", unread: Bool = false)
    -> ConversationSummary {
    ConversationSummary(id: id, customerID: customer ?? id * 10, customerName: name, ownerLogin: owner?.login,
                        ownerFirstName: owner?.firstName, status: status,
                        lastActivity: now.addingTimeInterval(Double(-60 * minutesAgo)), subject: subject,
                        unread: unread, messageCount: 1)
}

/// A state as the inbox has it after start-up, showing `rows` in `source` (without a runner).
func loadedState(_ rows: [ConversationSummary], width: Int = 100, height: Int = 12, agent: Agent = maria,
                 source: ListSource = .view(.mine), moreAfter: Bool = false) -> AppState {
    var state = AppState(agent: agent, width: width, height: height, now: now, timeZone: utc)
    state.agents = team
    if case .view(let v) = source { state.view = v }
    state.list = ListWindow(source: source)
    let request = PageRequest(source: source, query: source.query(agent: agent.login)!, placement: .around(nil, fallback: nil, above: 0, below: 40), limit: 50)
    _ = update(&state, .pageLoaded(request, Page(rows: rows, moreBefore: false, moreAfter: moreAfter)))
    state.counts = InboxCounts(mine: 3, unassigned: 2, pending: 1)
    return state
}

/// An in-memory stand-in for the store and the effect runner: holds conversations, answers
/// effects with messages as the real runner does, and can be changed "by another process".
final class FakeInbox {
    var conversations: [ConversationSummary]

    init(_ conversations: [ConversationSummary]) {
        self.conversations = conversations
    }

    /// Rows of a query in list order: newest first, ties by id descending (as the store does).
    func listed(_ q: ConversationQuery) -> [ConversationSummary] {
        conversations.filter { c in
            switch q.owner {
            case .anyone: break
            case .unassigned: if c.ownerLogin != nil { return false }
            case .agent(let login): if c.ownerLogin != login { return false }
            }
            if let statuses = q.statuses, !statuses.contains(c.status) { return false }
            if let text = q.text, !c.subject.localizedCaseInsensitiveContains(text) { return false }
            return true
        }.sorted { ($0.lastActivity, $0.id) > ($1.lastActivity, $1.id) }
    }

    func fetch(_ q: ConversationQuery, _ cursor: PageCursor?, _ direction: PageDirection, _ limit: Int) -> [ConversationSummary] {
        let all = listed(q)
        func key(_ c: ConversationSummary) -> (Date, ConversationID) { (c.lastActivity, c.id) }
        switch direction {
        case .after:
            let rest = cursor.map { cur in all.filter { key($0) < (cur.lastActivity, cur.id) } } ?? all
            return Array(rest.prefix(limit))
        case .before:
            let rest = cursor.map { cur in all.filter { key($0) > (cur.lastActivity, cur.id) } } ?? all
            return Array(rest.suffix(limit))
        }
    }

    /// Performs one effect, returning the messages the runner would send back.
    func perform(_ effect: Effect, agent: Agent) -> [AppMsg] {
        switch effect {
        case .loadPage(let request):
            let page = try! PageLoader.load(request, fetch: fetch, locate: { id in
                self.conversations.first { $0.id == id }.map(\.cursor)
            })
            return [.pageLoaded(request, page)]
        case .loadCounts:
            return [.countsLoaded(InboxCounts(mine: listed(InboxView.mine.query(agent: agent.login)!).count,
                                              unassigned: listed(InboxView.unassigned.query(agent: agent.login)!).count,
                                              pending: listed(InboxView.pending.query(agent: agent.login)!).count))]
        case .loadAgents:
            return [.agentsLoaded(team)]
        case let .assign(customer, to, note):
            let owner = team.first { $0.login == to }
            var from: String?
            for i in conversations.indices where conversations[i].customerID == customer {
                from = conversations[i].ownerLogin
                conversations[i].ownerLogin = to
                conversations[i].ownerFirstName = owner?.firstName
            }
            return [.assigned(Assignment(customerID: customer, from: from, to: to, by: agent.login, note: note, at: now))]
        case let .setStatus(id, status):
            for i in conversations.indices where conversations[i].id == id { conversations[i].status = status }
            return [.statusSet(id, status)]
        case let .customers(.countSearch(text, query)):
            return [.customers(.searchCounted(text: text, count: listed(query).count))]
        case .openConversation, .readAhead, .loadAgentLoads, .markSeen, .markUnread, .snooze, .wakeSnoozes, .saveAttachment, .openAttachment, .redraw, .suspend, .findCustomers, .recordReferral, .undo, .composer, .quit, .customers, .presence,
             .goAway, .comeBack:
            return []
        }
    }

    /// Feeds `msg` to `update` and runs every resulting effect until nothing is left.
    @discardableResult
    func send(_ msg: AppMsg, to state: inout AppState) -> [Effect] {
        var queue = [msg]
        var all: [Effect] = []
        while !queue.isEmpty {
            let effects = update(&state, queue.removeFirst())
            all += effects
            for effect in effects { queue += perform(effect, agent: state.agent) }
        }
        return all
    }

    func keys(_ keys: [Key], to state: inout AppState) {
        for key in keys { send(.key(key), to: &state) }
    }
}

/// Keys for typing a string.
func typing(_ text: String) -> [Key] { text.map { Key.char($0) } }
