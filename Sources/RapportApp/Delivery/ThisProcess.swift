import Foundation
import RapportCore

/// This process as an outbox claimant, and whether a claimant on this host is still running: the
/// I/O behind `OutboxClaimant.isLive` (host name, pid and start time from /proc).
enum ThisProcess {
    static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        return gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "localhost"
    }()

    /// This process's claim name (`OutboxClaimant.name`).
    static let claimant = OutboxClaimant.name(host: host, pid: getpid(), start: startTime(of: getpid()) ?? 0)

    /// Running, and the same process: a pid reused by a later process has another start time.
    static func isRunning(pid: Int32, start: UInt64) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let now = startTime(of: pid) else { return start == 0 }
        return start == 0 || now == start
    }

    /// Field 22 of /proc/PID/stat (clock ticks after boot), read after the command name, which may
    /// itself hold spaces and parentheses.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so field 22 is the 20th here.
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
