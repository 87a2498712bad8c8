import ArgumentParser
import Foundation
import RapportApp
import RapportCore

struct ConversationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conversations", abstract: "List conversations, newest first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only conversations of my customers.") var mine = false
    @Flag(help: "Only conversations of customers with no owner.") var unassigned = false
    @Option(help: "Only this status: open, pending or closed.") var status: String?
    @Option(help: "At most this many rows.") var limit: Int = 1000
    @OptionGroup var output: ListingOutput

    func validate() throws {
        if mine && unassigned { throw ValidationError("--mine and --unassigned exclude each other") }
        if let status, ConversationStatus(rawValue: status) == nil {
            throw ValidationError("unknown status '\(status)'; use open, pending or closed")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let conversations = Conversations(store: store)
        try Snoozes(store: store).wakeDue()   // snoozed ones are not listed; those due come back first
        let owner: OwnerFilter = mine ? .agent(me.login) : unassigned ? .unassigned : .anyone
        let query = ConversationQuery(owner: owner, statuses: status.flatMap(ConversationStatus.init).map { [$0] })
        // Walk the keyset pages; never one unbounded query.
        var rows: [ConversationSummary] = []
        var cursor: PageCursor?
        while rows.count < limit {
            let want = min(500, limit - rows.count)
            let page = try conversations.page(query, from: cursor, direction: .after, limit: want, agent: me.login)
            rows += page
            guard let last = page.last, page.count == want else { break }
            cursor = last.cursor
        }
        var emails: [CustomerID: String] = [:]
        let customers = Customers(store: store)
        for id in Set(rows.map(\.customerID)) { emails[id] = try customers.find(id: id).primaryEmail }
        if output.json {
            let undelivered = Dictionary(grouping: try Outbox(store: store, retry: RetrySchedule(delays: [])).items(),
                                         by: \.conversationID)
            return printJSON(rows.map {
                ConversationJSON(id: $0.id, customer: emails[$0.customerID] ?? "", customerName: $0.customerName,
                                 owner: $0.ownerLogin, status: $0.status.rawValue, subject: $0.subject,
                                 lastActivity: $0.lastActivity, messages: $0.messageCount, unread: $0.unread,
                                 waitingSince: $0.waitingOnUsSince,
                                 outbox: (undelivered[$0.id] ?? []).map { .init(id: $0.id, state: $0.state.rawValue, error: $0.error) })
            })
        }
        for r in rows {
            say("\(r.id)\t\(r.status.rawValue)\t\(r.ownerLogin ?? "—")\t\(r.customerName)\t\(r.subject)")
        }
    }
}
