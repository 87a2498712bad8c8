import Foundation
import RapportCore
import RapportMail

/// What one `rapport send` did.
public struct SendReport: Sendable, Hashable, Encodable {
    public struct Entry: Sendable, Hashable, Encodable {
        public var id: Int64
        public var conversation: ConversationID
        public var to: String
        public var error: String?

        enum CodingKeys: String, CodingKey { case id, conversation, to, error }

        /// `error` is always present (`null` when there is none), as the JSON contract says.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(conversation, forKey: .conversation)
            try container.encode(to, forKey: .to)
            try container.encode(error, forKey: .error)
        }
    }

    public var sent: [Entry] = []
    public var failed: [Entry] = []
    /// Items found in `sending`: a crash happened mid-delivery; the agent decides, nothing is re-sent.
    public var needsAttention: [Entry] = []
    /// Problems after a successful delivery (the Sent Maildir copy).
    public var warnings: [String] = []

    public init() {}
}

/// Delivering the outbox: each queued or failed reply is claimed (→ sending), built with GMime, handed
/// to the transport and marked sent or failed with the reason. Items already in `sending` are reported.
/// One use case for `rapport send` and the inbox's background delivery.
public struct Delivery: Sendable {
    public var store: any OutboxStore
    public var transport: any MailTransport
    /// A Maildir that receives a copy of every sent message, when set.
    public var sentMaildir: String?
    public var timeZone: TimeZone

    public init(store: any OutboxStore, transport: any MailTransport, sentMaildir: String? = nil,
                timeZone: TimeZone = .current) {
        self.store = store
        self.transport = transport
        self.sentMaildir = sentMaildir
        self.timeZone = timeZone
    }

    /// An item left in `sending` by a crash, resolved by a person: `.queued` sends it again, `.sent` records it went out.
    public func resolve(_ id: Int64, as state: OutboxState, now: Date = Date()) throws {
        try store.resolveSending(id, to: state, at: now)
    }

    public func run(now: @Sendable () -> Date = Date.init) throws -> SendReport {
        var report = SendReport()
        for item in try store.outbox(states: [.sending]) {
            report.needsAttention.append(.init(id: item.id, conversation: item.conversationID, to: item.toAddress,
                                               error: "found in sending after an interrupted run; it may or may not have gone out"))
        }
        for item in try store.outbox(states: [.queued, .failed]) {
            guard let reply = try store.claimForSending(item.id, at: now()) else { continue }
            let text: String
            do {
                text = try ReplyBuilder.outgoing(reply, timeZone: timeZone).rendered()
                try transport.deliver(text)
            } catch {
                let reason = "\(error)"
                try store.markFailed(item.id, reason: reason, at: now())
                report.failed.append(.init(id: item.id, conversation: item.conversationID, to: item.toAddress, error: reason))
                continue
            }
            // Delivered: if recording that fails, the item stays in `sending` and is reported for a person
            // to resolve, rather than being marked failed and sent a second time.
            do {
                try store.markSent(item.id, at: now())
                report.sent.append(.init(id: item.id, conversation: item.conversationID, to: item.toAddress, error: nil))
                if let sentMaildir {
                    do {
                        try MaildirWriter(root: sentMaildir).deliver(text)
                    } catch {
                        report.warnings.append("message \(item.id) was sent but not copied to \(sentMaildir): \(error)")
                    }
                }
            } catch {
                report.needsAttention.append(.init(id: item.id, conversation: item.conversationID, to: item.toAddress,
                                                   error: "delivered, but recording it failed (\(error)); left in sending"))
            }
        }
        return report
    }
}
