import Foundation
import RapportCore

/// Writes a planned Maildir to disk on several threads: one reused buffer per thread, one
/// open/write/futimens/close per file, nothing else (no Foundation file APIs in the loop).
struct SyntheticMaildir {
    struct Summary {
        var files = 0
        var bytes = 0
        var multipart = 0
        var attachments = 0
        var fromAgents = 0
        var sizes: [Int] = []
    }

    /// What the messages look like (`rapport-bench generate --shape`).
    enum Shape: String, CaseIterable, Sendable {
        /// The first benchmark's mail: long bodies (median 2.6 KB) from a closed vocabulary, pasted logs,
        /// 10% multipart with attachments, mixed charsets and encodings.
        case heavy
        /// Support-desk mail: short new text in an open vocabulary, quotes, signatures, disclaimers,
        /// text + HTML alternatives, Received/DKIM headers (`SupportComposer`).
        case support
    }

    let plan: MaildirPlan
    let root: String
    var shape: Shape = .heavy

    /// Creates `root/{cur,new,tmp}` and writes every planned message; about 10% land in new/,
    /// the rest in cur/ with flags. Each file's modification time is its Date, as a real delivery's would be.
    func write(jobs: Int, progress: @escaping @Sendable (Int) -> Void) throws -> Summary {
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let heavy = MessageComposer(plan: plan)
        let support = shape == .support ? SupportComposer(plan: plan) : nil
        let count = plan.messages.count
        let chunk = 2_000
        let chunks = (count + chunk - 1) / chunk
        let results = Collected(jobs: jobs)
        let failure = Collected.Failure()
        let root = self.root
        let plan = self.plan
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var summary = Summary()
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 21)
            var done = 0
            for c in stride(from: job, to: chunks, by: jobs) {
                for index in c * chunk..<min(count, (c + 1) * chunk) {
                    buffer.removeAll(keepingCapacity: true)
                    let shape = support?.compose(index, into: &buffer) ?? heavy.compose(index, into: &buffer)
                    let message = plan.messages[index]
                    var random = SplitMix64(seed: plan.seed, stream: 3, item: UInt64(index))
                    let inNew = random.chance(0.1)
                    let flags = message.fromAgent ? "RS" : (random.chance(0.8) ? "S" : "")
                    let name = "\(message.date).M\(index)P\(plan.seed % 100_000).bench"
                    let path = inNew ? "\(root)/new/\(name)" : "\(root)/cur/\(name):2,\(flags)"
                    if let error = Self.writeFile(path, buffer, modified: message.date) {
                        failure.set(error)
                        return
                    }
                    summary.files += 1
                    summary.bytes += buffer.count
                    summary.sizes.append(buffer.count)
                    if shape.multipart { summary.multipart += 1 }
                    summary.attachments += shape.attachments
                    if message.fromAgent { summary.fromAgents += 1 }
                    done += 1
                }
                if job == 0 { progress(done * jobs) }
            }
            results.set(job, summary)
        }
        if let error = failure.error { throw error }
        return results.merged()
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8], modified: Int64) -> (any Error)? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return GeneratorError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { raw in Foundation.write(fd, raw.baseAddress, raw.count) }
        guard written == bytes.count else { return GeneratorError("short write to \(path)") }
        var times = [timespec(tv_sec: Int(modified), tv_nsec: 0), timespec(tv_sec: Int(modified), tv_nsec: 0)]
        futimens(fd, &times)
        return nil
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Per-job results gathered from `concurrentPerform`.
private final class Collected: @unchecked Sendable {
    final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { if stored == nil { stored = error } } }
    }

    private let lock = NSLock()
    private var summaries: [SyntheticMaildir.Summary?]

    init(jobs: Int) {
        summaries = Array(repeating: nil, count: jobs)
    }

    func set(_ job: Int, _ summary: SyntheticMaildir.Summary) {
        lock.withLock { summaries[job] = summary }
    }

    func merged() -> SyntheticMaildir.Summary {
        var total = SyntheticMaildir.Summary()
        for summary in summaries.compactMap({ $0 }) {
            total.files += summary.files
            total.bytes += summary.bytes
            total.multipart += summary.multipart
            total.attachments += summary.attachments
            total.fromAgents += summary.fromAgents
            total.sizes += summary.sizes
        }
        return total
    }
}
