import Foundation

/// Where a reply we write sits in the customer's thread (RFC 5322 3.6.4). Pure: the application
/// layer reads the conversation and asks here, so no store decides threading for a reply.
public enum ReplyThreading {
    /// Longest References list a reply carries: the newest ids, enough for any client to thread.
    public static let maxReferences = 20

    /// The message a reply answers: the newest of the conversation that has a Message-ID, notes aside.
    public static func parent(in messages: [Message]) -> Message? {
        messages.filter { $0.direction != .note && $0.messageID != nil }
            .max { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The parent's References, else its In-Reply-To, then the parent itself; empty without a parent.
    public static func references(replyingTo parent: Message?) -> [String] {
        guard let parent else { return [] }
        var references = parent.references
        if references.isEmpty, let inReplyTo = parent.inReplyTo { references = [inReplyTo] }
        if let id = parent.messageID { references.append(id) }
        return Array(references.suffix(maxReferences))
    }

    /// A new Message-ID in the sender's own domain.
    public static func newMessageID(from address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        return "\(UUID().uuidString.lowercased())@\(domain)"
    }
}
