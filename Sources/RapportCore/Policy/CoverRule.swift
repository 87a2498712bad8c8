import Foundation

/// Who covers for whom, at a given moment: pure, so the clock is always the caller's.
///
/// An absence counts from when it was recorded until its `until` (the day they are back); the
/// coverer then sees the away agent's customers in Mine and may answer them without taking them.
public enum CoverRule {
    /// The absences in force at `now`.
    public static func active(_ absences: [Absence], now: Date) -> [Absence] {
        absences.filter { $0.until > now }
    }

    /// The absence of `owner` in force at `now`, if they are away.
    public static func absence(of owner: String?, in absences: [Absence], now: Date) -> Absence? {
        guard let owner else { return nil }
        return active(absences, now: now).first { $0.login == owner }
    }

    /// The absences `coverer` covers at `now` (their Mine shows those agents' customers too).
    public static func covered(by coverer: String, in absences: [Absence], now: Date) -> [Absence] {
        active(absences, now: now).filter { $0.cover == coverer }
    }

    /// The absence that lets `agent` answer a customer of `owner`: the owner is away and `agent` covers.
    public static func covering(owner: String?, agent: String, in absences: [Absence], now: Date) -> Absence? {
        absence(of: owner, in: absences, now: now).flatMap { $0.cover == agent ? $0 : nil }
    }

    /// Refuses an absence that could not work: back in the past, covering oneself, or a coverer who
    /// is away too (their own customers would need them, and nobody would see the first agent's).
    public static func check(login: String, until: Date, cover: String, absences: [Absence], now: Date) throws {
        guard cover != login else { throw RapportError.invalid("\(login) cannot cover for themselves; name another agent") }
        guard until > now else { throw RapportError.invalid("the day \(login) is back must be in the future") }
        if absence(of: cover, in: absences, now: now) != nil {
            throw RapportError.invalid("\(cover) is away too; name someone who is here")
        }
        if let covering = active(absences, now: now).first(where: { $0.cover == login && $0.login != cover }) {
            throw RapportError.invalid("\(login) covers for \(covering.login); run 'rapport back \(covering.login)' or give that cover to someone else first")
        }
    }
}

/// What a cover reply tells the customer: whose customer they are and when that person is back.
/// The composer offers `sentence` (Ctrl-F), and the policy's `cover` rule insists on what it says.
public struct CoverNote: Sendable, Hashable {
    /// The owner's first name as the customer knows it.
    public var ownerName: String
    public var back: Date
    public var timeZone: TimeZone

    public init(ownerName: String, back: Date, timeZone: TimeZone = .current) {
        self.ownerName = ownerName
        self.back = back
        self.timeZone = timeZone
    }

    public init(absence: Absence, owner: Agent?, timeZone: TimeZone = .current) {
        let name = owner.map { $0.firstName.isEmpty ? $0.login : $0.firstName } ?? absence.login
        self.init(ownerName: name, back: absence.until, timeZone: timeZone)
    }

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    private var parts: (weekday: String, day: Int, month: String) {
        let c = calendar.dateComponents([.weekday, .day, .month], from: back)
        return (Self.weekdays[(c.weekday ?? 1) - 1], c.day ?? 1, Self.months[(c.month ?? 1) - 1])
    }

    /// "Monday 7 December".
    public var backDay: String {
        let p = parts
        return "\(p.weekday) \(p.day) \(p.month)"
    }

    /// The sentence Ctrl-F offers.
    public var sentence: String {
        "\(ownerName) is away until \(backDay), so I'm looking after this for you."
    }

    /// Whether `text` names the owner and the day they are back (the weekday, or the date as
    /// "7 December", "December 7" or 2026-12-07).
    public func isTold(in text: String) -> Bool {
        let lower = text.lowercased()
        guard Self.containsWord(ownerName.lowercased(), in: lower) else { return false }
        let p = parts
        let iso = String(format: "%04d-%02d-%02d", calendar.component(.year, from: back),
                         calendar.component(.month, from: back), p.day)
        let month = p.month.lowercased()
        return [p.weekday.lowercased(), "\(p.day) \(month)", "\(month) \(p.day)", iso]
            .contains { Self.containsWord($0, in: lower) }
    }

    static func containsWord(_ word: String, in text: String) -> Bool {
        guard !word.isEmpty else { return false }
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }
}

extension CoverRule {
    /// The start of the day `text` names (YYYY-MM-DD) in `timeZone`: when someone away is back.
    public static func backDay(_ text: String, timeZone: TimeZone = .current) throws -> Date {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(m), (1...31).contains(d),
              let date = calendar.date(from: DateComponents(year: y, month: m, day: d)),
              calendar.component(.day, from: date) == d else {
            throw RapportError.invalid("'\(text)' is not a date; give the day they are back as YYYY-MM-DD")
        }
        return date
    }
}
