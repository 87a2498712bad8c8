import Foundation
import RapportCore

/// A reply ready to be serialised: every header decided, nothing left to look up.
public struct OutgoingMessage: Sendable, Hashable {
    public var from: Mailbox
    /// The address replies go to; Rapport always sets it to the agent's own address.
    public var replyTo: String
    public var to: Mailbox
    /// Copied: the Cc header, which a `sendmail -t` transport also delivers to.
    public var cc: [String]
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
    /// Files sent with it: the message is then multipart/mixed, the text first.
    public var attachments: [OutgoingAttachment]

    public init(from: Mailbox, replyTo: String, to: Mailbox, cc: [String] = [], subject: String, messageID: String,
                inReplyTo: String?, references: [String], date: Date, utcOffset: Int = 0, body: String,
                attachments: [OutgoingAttachment] = []) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.utcOffset = utcOffset
        self.body = body
        self.attachments = attachments
    }

    /// Longest display name written (characters): a name is a few words, not a paragraph.
    static let nameCharacters = 200

    /// The RFC 5322 text, built by GMime (RFC 2047 names and subject, QP body when needed). Refuses an
    /// address that is not plain ASCII (sending it would need SMTPUTF8, which Rapport does not speak),
    /// and checks that every header line stays within RFC 5322's 998 bytes.
    public func rendered() throws -> String {
        for address in [from.address, replyTo, to.address].compactMap({ $0 }) + cc { try Self.checkSendable(address) }
        var message = self
        message.from.name = from.name.map { String($0.prefix(Self.nameCharacters)) }
        message.to.name = to.name.map { String($0.prefix(Self.nameCharacters)) }
        guard let text = GMimeWriter.render(message) else {
            throw OutboundError.cannotBuild("a sender address, a recipient address and a Message-ID are required")
        }
        let headers = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty && $0 != [UInt8(ascii: "\r")] }
        if let long = headers.first(where: { $0.count > 998 }) {
            throw OutboundError.cannotBuild("a header line would be \(long.count) bytes, over RFC 5322's 998")
        }
        return text
    }

    /// An address a plain SMTP server takes: printable ASCII, one `@`, a local part of at most 64 bytes.
    static func checkSendable(_ address: String) throws {
        let bytes = Array(address.utf8)
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw OutboundError.cannotBuild("the address \(address.debugDescription) is not plain ASCII (letters such as ä "
                                            + "need SMTPUTF8, which Rapport does not send); ask the customer for another address")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64, !parts[1].isEmpty, bytes.count <= 254 else {
            throw OutboundError.cannotBuild("\(address.debugDescription) is not an address mail can be sent to")
        }
    }
}

/// Why a message could not be built or delivered.
public enum OutboundError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotBuild(String)
    /// The mail system did not take the message: sending it again is safe.
    case deliveryFailed(String)
    /// The mail system may have taken it (sendmail killed part-way): sending again could send it twice.
    case mayHaveBeenDelivered(String)

    public var description: String {
        switch self {
        case let .cannotBuild(why): "cannot build the message: \(why)"
        case let .deliveryFailed(why), let .mayHaveBeenDelivered(why): why
        }
    }
}
