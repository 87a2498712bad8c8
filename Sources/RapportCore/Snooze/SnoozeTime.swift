import Foundation

/// When a snoozed conversation comes back: a preset or a typed time, read against an injected clock
/// and time zone so the same words give the same moment in tests and for every agent of a team.
///
/// Accepted: the presets by number or name (`1` / `later` / `later today`: in three hours; `2` /
/// `tomorrow`: tomorrow 9:00; `3` / `monday` / `next monday`: the next Monday 9:00), a span (`45m`,
/// `4h`, `3d`, `2w`), a date (`2026-12-24`: 9:00 that day) or a date and time (`2026-12-24 09:00`,
/// also with a `T`). The moment must be in the future and at most a year ahead.
public enum SnoozeTime {
    public enum Preset: Int, CaseIterable, Sendable {
        case laterToday = 1, tomorrowMorning, nextMonday

        public var label: String {
            switch self {
            case .laterToday: "later today"
            case .tomorrowMorning: "tomorrow 9:00"
            case .nextMonday: "next Monday 9:00"
            }
        }

        var names: [String] {
            switch self {
            case .laterToday: ["later", "later today"]
            case .tomorrowMorning: ["tomorrow"]
            case .nextMonday: ["monday", "next monday"]
            }
        }
    }

    /// "Later today" is this many hours on.
    public static let laterTodayHours = 3
    /// The hour a day-only time means.
    public static let morningHour = 9
    public static let longest: TimeInterval = 366 * 86_400

    /// The moment of a preset.
    public static func date(_ preset: Preset, now: Date, timeZone: TimeZone) -> Date {
        let calendar = calendar(timeZone)
        switch preset {
        case .laterToday:
            return now.addingTimeInterval(Double(laterTodayHours) * 3600)
        case .tomorrowMorning:
            let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!
            return morning(of: tomorrow, calendar)
        case .nextMonday:
            // weekday 2 is Monday in the Gregorian calendar; today being Monday means a week on.
            let next = calendar.nextDate(after: calendar.startOfDay(for: now).addingTimeInterval(86_399),
                                         matching: DateComponents(weekday: 2), matchingPolicy: .nextTime)!
            return morning(of: next, calendar)
        }
    }

    /// The moment `text` means, or why it means none.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) -> Result<Date, RapportError> {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let date: Date
        if let preset = Preset.allCases.first(where: { String($0.rawValue) == words || $0.names.contains(words) }) {
            date = Self.date(preset, now: now, timeZone: timeZone)
        } else if let span = span(words) {
            date = now.addingTimeInterval(span)
        } else if let day = calendarDate(words, timeZone) {
            date = day
        } else {
            return .failure(.invalid("cannot read “\(text)” as a time: try later, tomorrow, monday, 3d, 4h, 2026-12-24 or 2026-12-24 09:00"))
        }
        guard date > now else { return .failure(.invalid("“\(text)” is not in the future")) }
        guard date.timeIntervalSince(now) <= longest else { return .failure(.invalid("“\(text)” is more than a year ahead")) }
        return .success(date)
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    static func morning(of day: Date, _ calendar: Calendar) -> Date {
        calendar.date(bySettingHour: morningHour, minute: 0, second: 0, of: day)!
    }

    /// `45m`, `4h`, `3d`, `2w` in seconds.
    static func span(_ words: String) -> TimeInterval? {
        guard let unit = words.last, let count = Int(words.dropLast()), count > 0, count <= 100_000 else { return nil }
        switch unit {
        case "m": return Double(count) * 60
        case "h": return Double(count) * 3600
        case "d": return Double(count) * 86_400
        case "w": return Double(count) * 7 * 86_400
        default: return nil
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`, in `timeZone`; nil for anything else,
    /// including dates that do not exist (2026-02-30).
    static func calendarDate(_ words: String, _ timeZone: TimeZone) -> Date? {
        let parts = words.split(whereSeparator: { $0 == " " || $0 == "t" })
        guard (1...2).contains(parts.count) else { return nil }
        let day = parts[0].split(separator: "-")
        guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
              let y = Int(day[0]), let mo = Int(day[1]), let d = Int(day[2]) else { return nil }
        var hour = morningHour, minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":")
            guard time.count == 2, (1...2).contains(time[0].count), time[1].count == 2,
                  let h = Int(time[0]), let m = Int(time[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            hour = h
            minute = m
        }
        let components = DateComponents(year: y, month: mo, day: d, hour: hour, minute: minute)
        let calendar = calendar(timeZone)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
