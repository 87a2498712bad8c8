import Foundation
import RapportCore
import RapportMail

/// What woke the sync loop.
public enum MailWake: Sendable, Hashable {
    /// Files arrived in a watched Maildir.
    case mail
    /// The deadline passed.
    case timeout
    /// A stop was asked for (SIGTERM).
    case stop
}

/// Waits for new mail, a deadline or a stop request: inotify or polling in `rapport sync`, a scripted
/// clock in tests.
public protocol MailWaiter {
    /// Returns when files arrive in a watched Maildir, at `deadline`, or when a stop is asked for.
    func wait(until deadline: Date) -> MailWake
    /// True once a stop was asked for; the delivery under way finishes, no other starts.
    var stopRequested: Bool { get }
}

/// One thing `rapport sync` did, logged as one line.
public enum MailFlowEvent: Sendable, Hashable {
    case ingested(count: Int, duplicates: Int)
    case unreadable(file: String, reason: String)
    case sent(id: Int64, to: String)
    /// Not taken; `retryAt` is nil once the automatic retries are used up.
    case failed(id: Int64, to: String, reason: String, attempt: Int, retryAt: Date?)
    case needsDecision(id: Int64, to: String, reason: String)
    case warning(String)
    /// The store or a Maildir could not be used; the next pass tries again (logged once until it changes).
    case problem(String)

    /// The log line (without the time).
    public var line: String {
        switch self {
        case let .ingested(count, duplicates):
            "ingested \(count) new message\(count == 1 ? "" : "s")" + (duplicates > 0 ? " (\(duplicates) duplicate\(duplicates == 1 ? "" : "s") skipped)" : "")
        case let .unreadable(file, reason):
            "unreadable \(file): \(reason)"
        case let .sent(id, to):
            "sent \(id) to \(to)"
        case let .failed(id, to, reason, attempt, retryAt):
            "failed \(id) to \(to) (attempt \(attempt)): \(reason); "
                + (retryAt.map { "next try at \($0.formatted(.iso8601))" }
                   ?? "no more automatic retries: retry or mark it with D in the inbox, or rapport send --resend \(id)")
        case let .needsDecision(id, to, reason):
            "needs a decision \(id) to \(to): \(reason); resolve with D in the inbox, or rapport send --resend \(id) or --mark-sent \(id)"
        case .warning(let text):
            "warning: \(text)"
        case .problem(let text):
            "problem: \(text); trying again"
        }
    }
}

/// `rapport sync`: mail that flows by itself. Each pass files what arrived in the Maildirs (`Ingest`) and
/// delivers the outbox (`Delivery`, its claims and outcomes) with retries on `RetrySchedule`; between
/// passes it waits for mail, the next retry or `tick`, whichever comes first. The clock and the waiter
/// are injected, so the backoff is tested without sleeping.
public struct MailFlow {
    public var ingest: Ingest
    public var maildirs: [String]
    public var delivery: Delivery
    /// The longest wait between passes: how soon a reply queued by another process goes out.
    public var tick: TimeInterval = 1
    public var clock: @Sendable () -> Date

    public init(ingest: Ingest, maildirs: [String], delivery: Delivery, clock: @escaping @Sendable () -> Date = Date.init) {
        self.ingest = ingest
        self.maildirs = maildirs
        self.delivery = delivery
        self.clock = clock
    }

    /// What a pass remembers for the next: problems and decisions already logged, the next retry.
    public struct Memory: Sendable {
        var problems: [String: String] = [:]
        var needingDecision: Set<Int64> = []
        public internal(set) var nextRetry: Date?
        public init() {}
    }

    /// Runs passes until the waiter reports a stop. Every event goes to `log` as it happens.
    public func run(waiter: some MailWaiter, log: (MailFlowEvent) -> Void) {
        var memory = Memory()
        while !waiter.stopRequested {
            pass(&memory, shouldStop: { waiter.stopRequested }).forEach(log)
            if waiter.stopRequested { break }
            let now = clock()
            var deadline = now + tick
            if let retry = memory.nextRetry, retry < deadline { deadline = max(now, retry) }
            if waiter.wait(until: deadline) == .stop { break }
        }
    }

    /// One pass: new mail in, then what is due out.
    public func pass(_ memory: inout Memory, shouldStop: () -> Bool = { false }) -> [MailFlowEvent] {
        var events: [MailFlowEvent] = []
        if !maildirs.isEmpty {
            events += attempt("ingest", &memory.problems) {
                let summary = try ingest.file(maildirs: maildirs)
                var found: [MailFlowEvent] = []
                if summary.ingested + summary.duplicates > 0 {
                    found.append(.ingested(count: summary.ingested, duplicates: summary.duplicates))
                }
                return found + summary.failed.map { .unreadable(file: $0.file, reason: $0.error) }
            }
        }
        guard !shouldStop() else { return events }
        let known = memory.needingDecision
        var outcome: DeliveryPass?
        events += attempt("delivery", &memory.problems) {
            outcome = try deliver(known: known, shouldStop: shouldStop)
            return outcome!.events
        }
        if let outcome {
            memory.needingDecision = outcome.waiting
            memory.nextRetry = outcome.nextRetry
            if let stopped = outcome.stopped {
                events += attempt("delivery", &memory.problems) { throw FlowProblem(text: stopped) }
            }
        }
        return events
    }

    private struct DeliveryPass {
        var events: [MailFlowEvent] = []
        var waiting: Set<Int64> = []
        var nextRetry: Date?
        var stopped: String?
    }

    private func deliver(known: Set<Int64>, shouldStop: () -> Bool) throws -> DeliveryPass {
        var pass = DeliveryPass()
        let report = try delivery.run(now: clock, shouldStop: shouldStop)
        let failed = Dictionary(try delivery.store.outbox(states: [.failed]).map { ($0.id, $0) },
                                uniquingKeysWith: { a, _ in a })
        pass.events += report.sent.map { .sent(id: $0.id, to: $0.to) }
        for entry in report.failed {
            let item = failed[entry.id]
            pass.events.append(.failed(id: entry.id, to: entry.to, reason: entry.error ?? "not taken",
                                       attempt: item?.attempts ?? 0, retryAt: item.flatMap { delivery.retry?.nextAttempt(of: $0) }))
        }
        // An item waiting for a person is in every run's report: logged once, and again only if it comes back.
        for entry in report.needsAttention where !known.contains(entry.id) {
            pass.events.append(.needsDecision(id: entry.id, to: entry.to, reason: entry.error ?? "it may have gone out"))
        }
        pass.waiting = Set(report.needsAttention.map(\.id))
        pass.events += report.warnings.map(MailFlowEvent.warning)
        pass.stopped = report.stopped
        pass.nextRetry = failed.values.compactMap { delivery.retry?.nextAttempt(of: $0) }.min()
        return pass
    }

    /// The events of `work`; a failure becomes one `.problem`, logged once until it changes or clears.
    private func attempt(_ name: String, _ problems: inout [String: String],
                         _ work: () throws -> [MailFlowEvent]) -> [MailFlowEvent] {
        do {
            let events = try work()
            problems[name] = nil
            return events
        } catch {
            let text = "\(name): \(error)"
            defer { problems[name] = text }
            return problems[name] == text ? [] : [.problem(text)]
        }
    }

    private struct FlowProblem: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }
}
