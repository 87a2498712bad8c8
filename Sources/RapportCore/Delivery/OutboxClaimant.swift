import Foundation

/// Who claims an outbox item: a process on a host, named `host:pid:start` (the start time tells a
/// live process from a later one that reuses its pid). Pure: what runs here is asked through
/// `isRunning`, so the rule is tested without processes.
public struct OutboxClaimant: Sendable, Hashable {
    public var host: String
    public var pid: Int32
    /// The process's start time as the system gives it (clock ticks since boot on Linux).
    public var start: UInt64

    public var name: String { Self.name(host: host, pid: pid, start: start) }

    /// The claim name of a process: what a delivery writes in `claimed_by` (only this module reads it apart).
    public static func name(host: String, pid: Int32, start: UInt64) -> String { "\(host):\(pid):\(start)" }

    /// Whether a claim still belongs to a live delivery: its time has not passed and, when the claimant
    /// is a process on this host, that process (same pid, same start) is still running. A claim from
    /// another host can only expire. A live claim is left alone: no report, no `--resend`.
    public static func isLive(_ claim: OutboxClaim, now: Date, host: String,
                              isRunning: (_ pid: Int32, _ start: UInt64) -> Bool) -> Bool {
        guard claim.until > now else { return false }
        guard let claimant = OutboxClaimant(name: claim.claimant), claimant.host == host else { return true }
        return isRunning(claimant.pid, claimant.start)
    }
}

extension OutboxClaimant {
    /// Parses `name`; nil for anything else.
    public init?(name: String) {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), let start = UInt64(parts[parts.count - 1]) else {
            return nil
        }
        self.init(host: parts.dropLast(2).joined(separator: ":"), pid: pid, start: start)
    }
}
