import Foundation
import GRDB
import RapportCore
@testable import RapportStore
import TestSupport

/// A real store file in a fresh temporary folder with two agents (Sam, Priya), and helpers to put
/// customers and their mail in it as ingest would.
struct AppFixture {
    /// Removed once the last copy of this value is gone.
    let folder: TemporaryDirectory
    let store: SQLiteStore
    /// A fixed "now" for every use case, so dates in assertions are exact.
    let now = Date(timeIntervalSince1970: 1_900_000_000)

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteStore(path: folder.url.appendingPathComponent("rapport.sqlite").path, create: true)
        try store.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
        try store.addAgent(Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com"))
    }

    @discardableResult
    func customer(_ first: String = "Dana", email: String = "dana@example.org", owner: String? = "sam",
                  existing: Bool = true) throws -> Customer {
        try store.addCustomer(NewCustomer(firstName: first, lastName: "Whitfield", email: email, owner: owner,
                                          isExisting: existing), by: owner)
    }

    /// A message from the customer, as ingest writes it.
    @discardableResult
    func inbound(_ conversation: ConversationID, from: String, id: String, inReplyTo: String? = nil,
                 references: [String] = [], hoursAgo: Double) throws -> Message {
        try store.appendMessage(NewMessage(
            conversationID: conversation, direction: .inbound, from: from, to: ["sam@example.com"], subject: "Renewal",
            text: "Hello", messageID: id, inReplyTo: inReplyTo, references: references,
            date: now.addingTimeInterval(-hoursAgo * 3600)))
    }

    func conversation(_ customer: Customer, subject: String = "Renewal", hoursAgo: Double = 48) throws -> ConversationID {
        try store.startConversation(customer: customer.id, subject: subject, at: now.addingTimeInterval(-hoursAgo * 3600)).id
    }

    /// Rows in the tables a reply writes, to show that a refusal wrote nothing.
    func replyRows() throws -> [Int] {
        try store.pool.read { db in
            try ["message", "outbox"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
    }
}

/// A short personal reply that passes the policy for an existing customer.
func personalReply(to first: String = "Dana", from agent: String = "Sam") -> String {
    "Hi \(first),\n\nYour renewal is done; the new card is in the post.\n\n\(agent)"
}
