import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport show CONVERSATION [--json]`: the conversation as the inbox shows it, like `notmuch show`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a conversation: messages oldest first with their ids, From, To, Cc, date, text and attachments by number.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        _ = try global.currentAgent(store)
        let (c, messages, _) = try Conversations(store: store).thread(conversation)
        let customer = try Customers(store: store).find(id: c.customerID)
        if output.json {
            return printJSON(HeadedJSON(head: ConversationHeadJSON(c, customer: customer),
                                        rest: ShowJSON(snoozedUntil: c.snoozedUntil, messages: messages.map(ShowJSON.Entry.init))))
        }
        say("Conversation \(c.id) · \(c.subject) · \(customer.fullName) <\(customer.primaryEmail)> · \(c.status.rawValue)"
            + " · owner \(customer.owner ?? "—")")
        for m in messages {
            say("")
            say("── message \(m.id) · \(Self.kind(m))")
            say("From: \(m.from)")
            if !m.to.isEmpty { say("To: \(m.to.joined(separator: ", "))") }
            if !m.cc.isEmpty { say("Cc: \(m.cc.joined(separator: ", "))") }
            say("Date: \(DateFormatter.utc("yyyy-MM-dd HH:mm:ss 'UTC'", locale: "en_US_POSIX").string(from: m.date))")
            for (i, a) in m.attachments.enumerated() { say("Attachment \(i + 1): \(Self.describe(a))") }
            say("")
            say(m.text)
        }
    }

    static func kind(_ m: Message) -> String {
        switch m.direction {
        case .inbound: "from the customer"
        case .outbound: m.author.map { "reply by \($0)" } ?? "outbound, not sent by Rapport"
        case .note: "internal note by \(m.author ?? "?")"
        }
    }

    /// `invoice.pdf (application/pdf, 12 KB)`; the name is the sender's, `say` makes it safe to print.
    static func describe(_ a: AttachmentInfo) -> String {
        "\(a.filename ?? "unnamed") (\(a.contentType), \(ByteCountFormatter.string(fromByteCount: Int64(a.size), countStyle: .file)))"
    }
}

/// `rapport show --json`: the conversation (`id`, `customer`, `customer_name`, `owner`, `status`,
/// `subject`, `snoozed_until`) and its `messages`, oldest first: `id`, `direction`, `author`, `from`,
/// `to`, `cc`, `date`, `subject`, `text`, `attachments` (`[{number, filename, content_type, size}]`).
/// The conversation's fields are its `ConversationHeadJSON` and these (`HeadedJSON<ShowJSON>`).
struct ShowJSON: Encodable {
    @EncodedAsNull var snoozedUntil: Date?
    let messages: [Entry]

    struct Entry: Encodable {
        let id: Int64
        let direction: String
        @EncodedAsNull var author: String?
        let from: String
        let to: [String]
        let cc: [String]
        let date: Date
        let subject: String
        let text: String
        let attachments: [AttachmentJSON]

        init(_ m: Message) {
            id = m.id
            direction = m.direction.rawValue
            author = m.author
            from = m.from
            to = m.to
            cc = m.cc
            date = m.date
            subject = m.subject
            text = m.text
            attachments = AttachmentJSON.list(m.attachments)
        }
    }
}

/// One attachment: `number` (1-based, as `rapport attachment save` takes it), `filename` (or null),
/// `content_type`, `size` (bytes).
struct AttachmentJSON: Encodable {
    let number: Int
    @EncodedAsNull var filename: String?
    let contentType: String
    let size: Int

    static func list(_ attachments: [AttachmentInfo]) -> [AttachmentJSON] {
        attachments.enumerated().map {
            AttachmentJSON(number: $0.offset + 1, filename: $0.element.filename, contentType: $0.element.contentType,
                           size: $0.element.size)
        }
    }
}
