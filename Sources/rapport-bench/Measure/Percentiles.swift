import Foundation

/// Timings in milliseconds and their percentiles (nearest rank).
struct Timings {
    private(set) var samples: [Double] = []

    mutating func add(_ milliseconds: Double) {
        samples.append(milliseconds)
    }

    /// Runs `body` once and records how long it took.
    @discardableResult
    mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        add(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return result
    }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    /// `<prefix>_p50_ms=… <prefix>_p95_ms=…` lines for the given percentiles.
    func report(_ prefix: String, _ percentiles: [Double]) {
        for p in percentiles { print("\(prefix)_p\(Int(p))_ms=\(format(percentile(p)))") }
        print("\(prefix)_max_ms=\(format(samples.max() ?? 0))")
    }
}

/// Peak resident memory of this process, from /proc (Linux).
enum Memory {
    /// `VmHWM` (peak resident set) in KiB, or nil off Linux.
    static func peakKiB() -> Int? { status("VmHWM:") }

    private static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            return Int(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }
}
