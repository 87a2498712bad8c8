import Foundation

/// One bad row of an import, reported with its line so a person can fix the file.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Calendar dates in imports: ISO `YYYY-MM-DD`, read as midnight UTC.
public enum ISODate {
    /// The date moved into years 1–9999. Calendar arithmetic far outside any calendar's range is
    /// undefined, and a stored date may be anything (one written before config values were bounded).
    public static func clamped(_ date: Date) -> Date {
        min(max(date, Date(timeIntervalSince1970: -62_135_596_800)), Date(timeIntervalSince1970: 253_402_300_799))
    }

    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        // Reject 2026-02-30 and friends: the date must round-trip.
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: clamped(date))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
