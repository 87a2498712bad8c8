import Foundation
import RapportCore
import RapportMail

/// What one `rapport send` did.
public struct SendReport: Sendable, Hashable, Encodable {
    public struct Entry: Sendable, Hashable, Encodable {
        public var id: Int64
        public var conversation: ConversationID
        public var to: String
        /// Always in the JSON (`null` when there is none), as the contract says.
        @EncodedAsNull public var error: String?
    }

    public var sent: [Entry] = []
    public var failed: [Entry] = []
    /// Items found in `sending`: a crash happened mid-delivery; the agent decides, nothing is re-sent.
    public var needsAttention: [Entry] = []
    /// Problems after a successful delivery (the Sent Maildir copy).
    public var warnings: [String] = []
    /// Why the run ended before the queue did (the store failed: a full disk, a busy lock); nil when it did not
    /// (`null` in the JSON, where it is always present).
    @EncodedAsNull public var stopped: String? = nil

    public init() {}
}

extension SendReport.Entry {
    init(_ item: OutboxItem, error: String?) {
        self.init(id: item.id, conversation: item.conversationID, to: item.toAddress, error: error)
    }
}

/// Delivering the outbox: each queued or failed reply is claimed (→ sending) by this process, built
/// with GMime, handed to the transport, and then sent, failed (not taken: retried next run) or needing
/// a decision (maybe taken: never retried silently), by `DeliveryOutcome`. Items in `sending` under a
/// live claim belong to another sender and are left alone; one whose claimant is gone is reported.
/// One use case for `rapport send` and the inbox's background delivery.
public struct Delivery: Sendable {
    public var store: any OutboxStore
    public var transport: any MailTransport
    /// A Maildir that receives a copy of every sent message, when set.
    public var sentMaildir: String?
    public var timeZone: TimeZone
    /// How long a claim holds without renewal; renewed every quarter of it while sendmail runs.
    public var lease: TimeInterval = 120
    /// When set (`rapport sync`), a failed item is tried again only once its wait is over, and no more
    /// after the schedule's last retry. Unset (`rapport send`, the inbox), every failed item is tried.
    public var retry: RetrySchedule?
    /// `[mail] legal_footer`: appended to every message below `-- ` as it is built for sending.
    public var legalFooter: String?

    public init(store: any OutboxStore, transport: any MailTransport, sentMaildir: String? = nil,
                timeZone: TimeZone = .current) {
        self.store = store
        self.transport = transport
        self.sentMaildir = sentMaildir
        self.timeZone = timeZone
    }

    /// A person's decision about a failed item, one left in `sending` or one needing a decision: `.queued`
    /// sends it again (one attempt more), `.sent` records it went out. Refused while another process is
    /// delivering it right now.
    public func resolve(_ id: Int64, as state: OutboxState, now: Date = Date()) throws {
        try Outbox(store: store, retry: retry ?? RetrySchedule(delays: [])).resolve(id, as: state, now: now)
    }

    static func isLive(_ claim: OutboxClaim, now: Date) -> Bool {
        OutboxClaimant.isLive(claim, now: now, host: ThisProcess.host, isRunning: ThisProcess.isRunning)
    }

    /// Delivers what is due. A store failure part-way (a full disk) ends the run but not the report:
    /// what went out before it is in `sent`, and `stopped` says why the rest waits. `shouldStop` is asked
    /// before each item: a stop request (SIGTERM to `rapport sync`) lets the delivery under way finish.
    public func run(now: @Sendable () -> Date = Date.init, shouldStop: () -> Bool = { false }) throws -> SendReport {
        var report = SendReport()
        for item in try store.outbox(states: [.sending, .needsDecision]) {
            if item.state == .needsDecision {
                report.needsAttention.append(.init(item, error: item.error ?? "it may or may not have gone out"))
            } else if let claim = item.claim, Self.isLive(claim, now: now()) {
                continue   // another sender is on it
            } else {
                report.needsAttention.append(.init(item, error: "found in sending after an interrupted run; it may or may not have gone out"))
            }
        }
        do {
            for item in try store.outbox(states: [.queued, .failed]) {
                if shouldStop() { break }
                if let retry, !retry.isDue(item, now: now()) { continue }
                try deliver(item, into: &report, now: now)
            }
        } catch {
            report.stopped = "\(error)"
        }
        return report
    }

    private func deliver(_ item: OutboxItem, into report: inout SendReport, now: @Sendable () -> Date) throws {
        let claimant = ThisProcess.claimant
        guard let reply = try store.claimForSending(item.id, claim: OutboxClaim(claimant: claimant, until: now() + lease),
                                                    at: now()) else { return }
        var text = ""
        let outcome: DeliveryOutcome
        do {
            text = try ReplyBuilder.outgoing(reply, timeZone: timeZone, legalFooter: legalFooter).rendered()
            let keeper = ClaimKeeper(store: store, item: item.id, claimant: claimant, lease: lease)
            defer { keeper.stop() }
            try transport.deliver(text)
            outcome = .sent
        } catch OutboundError.mayHaveBeenDelivered(let why) {
            outcome = .unknown(why)
        } catch {
            outcome = .notTaken("\(error)")
        }
        switch outcome {
        case .notTaken(let reason):
            try store.markFailed(item.id, reason: reason, at: now())
            report.failed.append(.init(item, error: reason))
        case .unknown(let reason):
            try store.markNeedsDecision(item.id, reason: reason, at: now())
            report.needsAttention.append(.init(item, error: reason))
        case .sent:
            // Delivered: if recording that fails, the item stays in `sending` and is reported for a person
            // to resolve, rather than being marked failed and sent a second time.
            do {
                try store.markSent(item.id, at: now())
            } catch {
                report.needsAttention.append(.init(item, error: "delivered, but recording it failed (\(error)); left in sending"))
                throw error
            }
            report.sent.append(.init(item, error: nil))
            if let sentMaildir {
                do {
                    try MaildirWriter(root: sentMaildir).deliver(text)
                } catch {
                    report.warnings.append("message \(item.id) was sent but not copied to \(sentMaildir): \(error)")
                }
            }
        }
    }
}

/// Renews a claim on its own thread while sendmail runs, so a slow delivery is never taken for an
/// interrupted one by a sender on another machine (where the process cannot be asked).
private final class ClaimKeeper: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false

    init(store: any OutboxStore, item: Int64, claimant: String, lease: TimeInterval) {
        Thread.detachNewThread { [self] in
            condition.lock()
            defer { condition.unlock() }
            while !stopped {
                if condition.wait(until: Date() + lease / 4) || stopped { continue }
                _ = try? store.renewClaim(item, claim: OutboxClaim(claimant: claimant, until: Date() + lease))
            }
        }
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
