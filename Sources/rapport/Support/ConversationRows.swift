import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// A listing of conversations as `conversations` and `search` print it: one tab-separated line
/// each (id, status, owner, customer, subject), or with `--json` an array of `HeadedJSON<ConversationJSON>`.
func printConversations(_ rows: [ConversationSummary], store: some StorePort, json: Bool) throws {
    if json {
        var emails: [CustomerID: String] = [:]
        let customers = Customers(store: store)
        for id in Set(rows.map(\.customerID)) { emails[id] = try customers.find(id: id).primaryEmail }
        let undelivered = Dictionary(grouping: try Outbox(store: store).items(),
                                     by: \.conversationID)
        return printJSON(rows.map {
            HeadedJSON(
                head: ConversationHeadJSON(id: $0.id, customer: emails[$0.customerID] ?? "", customerName: $0.customerName,
                                           owner: $0.ownerLogin, status: $0.status.rawValue, subject: $0.subject),
                rest: ConversationJSON(
                    lastActivity: $0.lastActivity, messages: $0.messageCount, unread: $0.unread,
                    waitingSince: $0.waitingOnUsSince,
                    outbox: (undelivered[$0.id] ?? []).map { .init(id: $0.id, state: $0.state.rawValue, error: $0.error) }))
        })
    }
    for r in rows {
        say("\(r.id)\t\(r.status.rawValue)\t\(r.ownerLogin ?? "—")\t\(r.customerName)\t\(r.subject)")
    }
}

/// The checks `conversations` and `search` share: a known status, a positive limit.
func validateListing(status: String?, limit: Int) throws {
    if let status, ConversationStatus(rawValue: status) == nil {
        throw ValidationError("unknown status '\(status)'; use open, pending or closed")
    }
    if limit < 1 { throw ValidationError("--limit must be at least 1") }
}
