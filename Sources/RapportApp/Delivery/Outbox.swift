import Foundation
import RapportCore

/// The outbox as every agent sees it: where each reply is on its way out, which ones are problems, and
/// a person's decision about one. Reads the store's delivery state, so a failure is visible in every
/// inbox and command, not only in the session that sent the reply.
public struct Outbox: Sendable {
    public var store: any OutboxStore
    /// When `rapport sync` tries a failed item again (for `next_attempt`).
    public var retry: RetrySchedule

    public init(store: any OutboxStore, retry: RetrySchedule = RetrySchedule(delays: [])) {
        self.store = store
        self.retry = retry
    }

    /// The states of replies not yet out: what a person may have to look at.
    public static let unfinished: Set<OutboxState> = [.queued, .sending, .failed, .needsDecision]

    /// Every item not yet sent (and, with `includingSent`, the sent ones too), oldest first.
    public func items(includingSent: Bool = false) throws -> [OutboxItem] {
        try store.outbox(states: includingSent ? Set(OutboxState.allCases) : Self.unfinished)
    }

    /// A reply that needs a person: failed (not taken; sync may still retry it), needing a decision, or
    /// left in `sending` by a delivery that is gone.
    public static func isProblem(_ item: OutboxItem, now: Date) -> Bool {
        switch item.state {
        case .failed, .needsDecision: true
        case .sending: item.claim.map { !Delivery.isLive($0, now: now) } ?? true
        case .queued, .sent: false
        }
    }

    /// The team's outbox problems now (the status bar counts them).
    public func problems(now: Date = Date()) throws -> [OutboxItem] {
        try store.outbox(states: [.failed, .needsDecision, .sending]).filter { Self.isProblem($0, now: now) }
    }

    /// The replies of one conversation not yet out, by their message (the thread shows their state).
    public func unfinished(conversation: ConversationID) throws -> [MessageRowID: OutboxItem] {
        Dictionary(try items().filter { $0.conversationID == conversation }.map { ($0.messageRowID, $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// What a person decided about a reply that did not go out cleanly.
    public enum Decision: Sendable, Hashable {
        /// Send it again (one attempt more; sync takes it at once).
        case retry
        /// It did go out (seen in the customer's reply, the mail server's log): record it as sent.
        case markSent
    }

    /// Applies a decision.
    public func decide(_ id: Int64, _ decision: Decision, now: Date = Date()) throws {
        try resolve(id, as: decision == .retry ? .queued : .sent, now: now)
    }

    /// Moves a failed item, one left in `sending` or one needing a decision to `.queued` (send again) or
    /// `.sent` (it went out). Refused while another process is delivering it right now.
    public func resolve(_ id: Int64, as state: OutboxState, now: Date = Date()) throws {
        if let item = try store.outbox(states: [.sending]).first(where: { $0.id == id }), let claim = item.claim,
           Delivery.isLive(claim, now: now) {
            throw RapportError.invalid("outbox item \(id) is being delivered right now by \(claim.claimant); "
                                       + "nothing was changed (its claim holds until \(claim.until.formatted(.iso8601)))")
        }
        try store.resolveSending(id, to: state, at: now)
    }
}
