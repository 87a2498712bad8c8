import Foundation
import RapportCore

/// A display name and an address, as written in From, To or Cc.
public struct Mailbox: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String?

    public init(name: String?, address: String?) {
        self.name = name
        self.address = address
    }

    enum CodingKeys: String, CodingKey { case name, address }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(address, forKey: .address)
    }
}

/// One message file read into plain Swift values: what Rapport keeps of an email.
/// Its JSON form is the contract of `rapport parse --json`.
public struct ParsedMessage: Sendable, Hashable {
    public var from: Mailbox?
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var replyTo: [Mailbox]
    public var subject: String?
    public var date: Date?
    /// The writer's UTC offset in seconds, as given in the Date header.
    public var dateUTCOffset: Int?
    /// Without angle brackets.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// The readable text: text/plain parts, else HTML turned into text; nil when the message has none.
    public var text: String?
    public var attachments: [AttachmentInfo]
    /// What the parser had to leave out or guess (cut text, too-deep parts); empty for a clean message.
    public var warnings: [String]

    public init(from: Mailbox? = nil, to: [Mailbox] = [], cc: [Mailbox] = [], replyTo: [Mailbox] = [],
                subject: String? = nil, date: Date? = nil, dateUTCOffset: Int? = nil, messageID: String? = nil,
                inReplyTo: String? = nil, references: [String] = [], text: String? = nil,
                attachments: [AttachmentInfo] = [], warnings: [String] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.dateUTCOffset = dateUTCOffset
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.text = text
        self.attachments = attachments
        self.warnings = warnings
    }

    /// The date in ISO 8601 with the writer's own offset, e.g. `2024-03-01T09:30:00+01:00`.
    public var isoDate: String? {
        guard let date else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: dateUTCOffset ?? 0) ?? TimeZone(secondsFromGMT: 0)!
        return formatter.string(from: date)
    }
}

// MARK: - JSON (`rapport parse --json`)

extension ParsedMessage: Encodable {
    enum CodingKeys: String, CodingKey {
        case from, to, cc, subject, date
        case replyTo = "reply_to"
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case references, text, attachments
    }

    private struct AttachmentJSON: Encodable {
        @EncodedAsNull var filename: String?
        var contentType: String
        var size: Int

        enum CodingKeys: String, CodingKey {
            case filename
            case contentType = "content_type"
            case size
        }
    }

    /// Every key is always present; absent values are `null`, as the contract says.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(cc, forKey: .cc)
        try container.encode(replyTo, forKey: .replyTo)
        try container.encode(subject, forKey: .subject)
        try container.encode(isoDate, forKey: .date)
        try container.encode(messageID, forKey: .messageID)
        try container.encode(inReplyTo, forKey: .inReplyTo)
        try container.encode(references, forKey: .references)
        try container.encode(text, forKey: .text)
        try container.encode(attachments.map {
            AttachmentJSON(filename: $0.filename, contentType: $0.contentType, size: $0.size)
        }, forKey: .attachments)
    }
}

/// Why a file could not be read as a message.
public struct ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
