import Foundation
import RapportCore

/// Dates and ages as the inbox shows them: short, and the same in every locale.
enum Formatting {
    /// Age of `date` at `now` in at most three characters: "now", "42m", "23h", "13d", "51w", "2y".
    static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        let minutes = wholeNumber(seconds / 60), hours = minutes / 60, days = hours / 24
        if minutes < 1 { return "now" }
        if minutes < 60 { return "\(minutes)m" }
        if hours < 48 { return "\(hours)h" }
        if days < 60 { return "\(days)d" }
        if days < 365 { return "\(days / 7)w" }
        return "\(days / 365)y"
    }

    /// "2024-03-02 14:05" in `timeZone`.
    static func dateTime(_ date: Date, _ timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return day(c) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// "2024-03-02" in `timeZone`.
    static func date(_ date: Date, _ timeZone: TimeZone) -> String {
        day(components(date, timeZone))
    }

    /// `Int(x)` traps on NaN, infinity and anything beyond ±2⁶³; a stored date can be any of these
    /// (a store written before config values were bounded), and drawing must never trap.
    static func wholeNumber(_ value: Double) -> Int {
        guard value.isFinite else { return value.isNaN ? 0 : (value < 0 ? Int.min : Int.max) }
        return Int(max(-1e15, min(1e15, value)))
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: ISODate.clamped(date))
    }

    private static func day(_ c: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

extension Formatting {
    /// When work is due, relative to `now`: "today", "in 3d", "2d late".
    static func due(_ date: Date, now: Date) -> String {
        let days = wholeNumber((date.timeIntervalSince(now) / 86_400).rounded(.down))
        if date < now {
            let late = wholeNumber(now.timeIntervalSince(date) / 86_400)
            return late == 0 ? "due now" : late > 9_999 ? "years late" : "\(late)d late"
        }
        return days == 0 ? "today" : days > 9_999 ? "in years" : "in \(days)d"
    }
}
