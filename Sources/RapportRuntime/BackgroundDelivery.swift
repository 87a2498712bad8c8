import Foundation
import RapportApp
import RapportCore
import RapportMail
import RapportTUI

/// Delivers the outbox on a thread of its own, so a slow sendmail never freezes the inbox.
///
/// One run at a time: a trigger during a run asks for one more run after it (the reply queued
/// meanwhile is then delivered too). Results wait in `takeResults()` for the inbox loop, which
/// collects them on its next turn (at most a poll interval later).
public final class BackgroundDelivery: @unchecked Sendable {
    private let delivery: Delivery
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var running = false
    private var again = false
    private var results: [AppMsg] = []

    /// Delivers through `transport`, copying each sent message into `sentMaildir` when set.
    public convenience init(outbox: any OutboxStore, transport: any MailTransport, sentMaildir: String?) {
        self.init(delivery: Delivery(store: outbox, transport: transport, sentMaildir: sentMaildir))
    }

    /// Delivers with `delivery`'s settings (its legal footer among them).
    public init(delivery: Delivery) {
        self.delivery = delivery
    }

    /// Starts a delivery run now, or right after the one under way.
    public func trigger() {
        condition.lock()
        defer { condition.unlock() }
        if running {
            again = true
            return
        }
        running = true
        Thread.detachNewThread { [self] in work() }
    }

    /// Messages for `update` from runs that have finished since the last call.
    public func takeResults() -> [AppMsg] {
        condition.lock()
        defer { condition.unlock() }
        let taken = results
        results = []
        return taken
    }

    /// Waits for a run under way (on quit: a reply half-handed to sendmail would be left in `sending`).
    public func waitUntilIdle() {
        condition.lock()
        while running { condition.wait() }
        condition.unlock()
    }

    private func work() {
        while true {
            let message = deliverOnce()
            condition.lock()
            results.append(message)
            if again {
                again = false
                condition.unlock()
                continue
            }
            running = false
            condition.broadcast()
            condition.unlock()
            return
        }
    }

    private func deliverOnce() -> AppMsg {
        do {
            let report = try delivery.run()
            var entries = report.sent.map { DeliveryResult.Entry(outboxID: $0.id, to: $0.to, error: nil) }
            entries += report.failed.map { DeliveryResult.Entry(outboxID: $0.id, to: $0.to, error: $0.error ?? "failed") }
            // Maybe taken by the mail system: shown as not delivered, with what to do about it.
            entries += report.needsAttention.map {
                DeliveryResult.Entry(outboxID: $0.id, to: $0.to,
                                     error: "\($0.error ?? "it may have gone out"); decide with rapport send --resend \($0.id) or --mark-sent \($0.id)")
            }
            return .composer(.delivered(DeliveryResult(entries: entries)))
        } catch {
            return .failed("Delivery: \(InboxStoreEffects.describe(error))")
        }
    }
}
