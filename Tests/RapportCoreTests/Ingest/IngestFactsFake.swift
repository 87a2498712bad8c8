import Foundation
import RapportCore

/// Ingest facts from a few values, recording which questions the rules asked (to show what they
/// skip, e.g. no threading lookups for a customer met only now).
final class FactsFake: IngestFacts {
    var storedMessageIDs: Set<String> = []
    var seenDedupKeys: Set<String> = []
    var agents: [String: String] = ["sam@example.com": "sam", "lee@example.com": "lee"]
    var customers: [String: CustomerID] = [:]
    /// (customer, Message-ID) → conversation.
    var messages: [String: ConversationID] = [:]
    /// Conversations: customer, normalised subject, last activity.
    var conversations: [(id: ConversationID, customer: CustomerID, subject: String, lastActivity: TimeInterval)] = []
    private(set) var asked: [String] = []

    init(storedMessageIDs: Set<String> = []) {
        self.storedMessageIDs = storedMessageIDs
    }

    func isStored(messageID: String) throws -> Bool {
        asked.append("message-id \(messageID)")
        return storedMessageIDs.contains(messageID)
    }

    func isSeen(dedupKey: String) throws -> Bool {
        asked.append("dedup \(dedupKey)")
        return seenDedupKeys.contains(dedupKey)
    }

    func agent(at address: String) -> String? {
        agents[address]
    }

    func customer(at address: String) throws -> CustomerID? {
        customers[address]
    }

    func conversation(of customer: CustomerID, holding messageID: String) throws -> ConversationID? {
        asked.append("reference \(messageID)")
        return messages["\(customer) \(messageID)"]
    }

    func conversation(of customer: CustomerID, normalizedSubject: String,
                      activeIn activity: ClosedRange<TimeInterval>) throws -> ConversationID? {
        asked.append("subject \(normalizedSubject)")
        return conversations
            .filter { $0.customer == customer && $0.subject == normalizedSubject && activity.contains($0.lastActivity) }
            .max { $0.lastActivity < $1.lastActivity }?.id
    }
}

/// A parsed message with only what a rule test sets.
func incoming(from: String = "dana@customer.example", name: String? = "Dana Whitfield",
              to: [String] = ["sam@example.com"], cc: [String] = [], replyTo: [NamedAddress] = [], subject: String = "Renewal quote", messageID: String? = "m1@customer.example",
              inReplyTo: String? = nil, references: [String] = [], date: Date = Date(timeIntervalSince1970: 1_700_000_000),
              dedupKey: String? = nil) -> IncomingMail {
    IncomingMail(seenKey: "/Maildir/1", path: "/Maildir/new/1", dedupKey: dedupKey ?? messageID.map { "mid:" + $0 } ?? "sha256:ab",
                 fromAddress: from, fromName: name, to: to, cc: cc, replyTo: replyTo, subject: subject, text: "Hello", messageID: messageID,
                 inReplyTo: inReplyTo, references: references, date: date, attachments: [])
}
