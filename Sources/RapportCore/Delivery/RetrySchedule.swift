import Foundation

/// When `rapport sync` tries again a delivery the mail system did not take (`failed`): after the
/// n-th attempt it waits `delays[n-1]` from the failure, and after the last delay's attempt it stops
/// trying; the item stays failed, with its reason, until a person retries it or marks it sent.
/// Computed from the item's attempts and the time of its last failure, so the store needs no
/// schedule of its own and every process reading the outbox sees the same next attempt.
public struct RetrySchedule: Sendable, Hashable {
    /// Seconds to wait after the 1st, 2nd, … failed attempt.
    public var delays: [TimeInterval]

    public init(delays: [TimeInterval]) {
        self.delays = delays
    }

    /// From the config's `[mail] retry_delays`.
    public init(config: RapportConfig) {
        self.init(delays: config.retryDelays.map(TimeInterval.init))
    }

    /// When a failed item is tried again; nil once its automatic retries are used up (and for items that
    /// are not failed: queued ones are due at once, the others are never retried without a person).
    public func nextAttempt(of item: OutboxItem) -> Date? {
        guard item.state == .failed, item.attempts >= 1, item.attempts <= delays.count else { return nil }
        return item.updated + delays[item.attempts - 1]
    }

    /// Whether delivery should take the item now: queued ones always, failed ones once their wait is over.
    public func isDue(_ item: OutboxItem, now: Date) -> Bool {
        switch item.state {
        case .queued: true
        case .failed: nextAttempt(of: item).map { $0 <= now } ?? false
        case .sending, .sent, .needsDecision: false
        }
    }
}
