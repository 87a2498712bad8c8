import Foundation

/// A reply ready to be serialised: every header decided, nothing left to look up.
public struct OutgoingMessage: Sendable, Hashable {
    public var from: Mailbox
    /// The address replies go to; Rapport always sets it to the agent's own address.
    public var replyTo: String
    public var to: Mailbox
    public var subject: String
    /// Without angle brackets.
    public var messageID: String
    public var inReplyTo: String?
    public var references: [String]
    public var date: Date
    /// The sender's UTC offset in seconds for the Date header.
    public var utcOffset: Int
    /// UTF-8 text with LF line ends.
    public var body: String

    public init(from: Mailbox, replyTo: String, to: Mailbox, subject: String, messageID: String,
                inReplyTo: String?, references: [String], date: Date, utcOffset: Int = 0, body: String) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.utcOffset = utcOffset
        self.body = body
    }

    /// The RFC 5322 text, built by GMime (RFC 2047 names and subject, QP body when needed).
    public func rendered() throws -> String {
        guard let text = GMimeWriter.render(self) else {
            throw OutboundError.cannotBuild("a sender address, a recipient address and a Message-ID are required")
        }
        return text
    }
}

/// Why a message could not be built or delivered.
public enum OutboundError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotBuild(String)
    case deliveryFailed(String)

    public var description: String {
        switch self {
        case let .cannotBuild(why): "cannot build the message: \(why)"
        case let .deliveryFailed(why): why
        }
    }
}
