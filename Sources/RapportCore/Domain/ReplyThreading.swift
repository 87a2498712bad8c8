import Foundation

/// Where a reply we write sits in the customer's thread (RFC 5322 3.6.4). Pure: the application
/// layer reads the conversation and asks here, so no store decides threading for a reply.
public enum ReplyThreading {
    /// Longest References list a reply carries: the newest ids, enough for any client to thread.
    public static let maxReferences = 20

    /// The message a reply answers: the newest of the conversation with a usable Message-ID, notes aside.
    public static func parent(in messages: [Message]) -> Message? {
        messages.filter { $0.direction != .note && $0.messageID.map(isUsable) == true }
            .max { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// Whether what we write now answers the customer (they wrote in the conversation) or starts the
    /// exchange (a heads-up, a thank-you, a new conversation): "Re:" and "Reply" only for the first.
    public static func answersCustomer(_ messages: [Message]) -> Bool {
        messages.contains { $0.direction == .inbound }
    }

    /// The parent's References, else its In-Reply-To, then the parent itself; empty without a parent.
    /// Ids a mail client would choke on are left out: one malformed id in the header made the parser
    /// stop there, and the reply lost the rest of its thread, its parent included.
    public static func references(replyingTo parent: Message?) -> [String] {
        guard let parent else { return [] }
        var references = parent.references.filter(isUsable)
        if references.isEmpty, let inReplyTo = parent.inReplyTo, isUsable(inReplyTo) { references = [inReplyTo] }
        if let id = parent.messageID, isUsable(id) { references.append(id) }
        return Array(references.suffix(maxReferences))
    }

    /// An RFC 5322 msg-id without its brackets: `left@right`, printable ASCII, no space, no brackets,
    /// at most 250 bytes (so a References line can always be folded under 998).
    public static func isUsable(_ id: String) -> Bool {
        let bytes = id.utf8
        guard bytes.count <= 250, bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return false }
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }

    /// A new Message-ID in the sender's own domain.
    public static func newMessageID(from address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        return "\(UUID().uuidString.lowercased())@\(domain)"
    }
}
