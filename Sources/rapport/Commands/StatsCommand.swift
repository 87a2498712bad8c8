import ArgumentParser
import Foundation
import RapportApp
import RapportCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Per agent: customers owned, waiting on us, median first reply, \"same person\" share.",
        discussion: """
            --since and --until (YYYY-MM-DD, days in the local time zone, both included) limit the first-reply             times to conversations the customer opened in those days and the "same person" share to our             messages written in them; customers owned and waiting on us are always as of now.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "First day counted (YYYY-MM-DD).") var since: String?
    @Option(help: "Last day counted (YYYY-MM-DD), included.") var until: String?
    @OptionGroup var output: ListingOutput

    /// The days asked for as an interval: from the start of `since` to the end of `until`.
    func period() throws -> DateInterval? {
        guard since != nil || until != nil else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        func day(_ text: String, _ option: String) throws -> Date {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = .current
            f.dateFormat = "yyyy-MM-dd"
            f.isLenient = false
            guard text.count == 10, let date = f.date(from: text) else {
                throw ValidationError("\(option) must be a date like 2026-11-01, not '\(text)'")
            }
            return calendar.startOfDay(for: date)
        }
        let start = try since.map { try day($0, "--since") } ?? .distantPast
        let end = try until.map { calendar.date(byAdding: .day, value: 1, to: try day($0, "--until"))! } ?? .distantFuture
        guard start < end else { throw ValidationError("--since is after --until") }
        return DateInterval(start: start, end: end)
    }

    func validate() throws { _ = try period() }

    func run() throws {
        let stats = try Agents(store: global.openStore()).stats(period: try period())
        if output.json { return printJSON(StatsJSON(stats)) }
        say("agent     customers  waiting-on-us  median-first-reply  same-person")
        for a in stats.agents + [stats.team] {
            say(a.login.padding(toLength: 9, withPad: " ", startingAt: 0) + String(a.customersOwned).leftPadded(to: 10)
                + String(a.waitingOnUs).leftPadded(to: 15) + Self.duration(a.medianFirstReplySeconds).leftPadded(to: 20)
                + (a.samePersonShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—").leftPadded(to: 13))
        }
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "—" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 86_400 { return String(format: "%.1fh", seconds / 3600) }
        return String(format: "%.1fd", seconds / 86_400)
    }
}

/// `rapport stats --json`: `agents` (one object per agent) and `team`, each with `login`, `customers_owned`,
/// `waiting_on_us`, `median_first_reply_seconds` (or null), `same_person_share` (0…1, or null).
struct StatsJSON: Encodable {
    struct Row: Encodable {
        let login: String
        let customersOwned: Int, waitingOnUs: Int
        let medianFirstReplySeconds: Double?, samePersonShare: Double?
        enum CodingKeys: String, CodingKey { case login, customersOwned, waitingOnUs, medianFirstReplySeconds, samePersonShare }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(login, forKey: .login); try c.encode(customersOwned, forKey: .customersOwned)
            try c.encode(waitingOnUs, forKey: .waitingOnUs)
            try c.encode(medianFirstReplySeconds, forKey: .medianFirstReplySeconds)
            try c.encode(samePersonShare, forKey: .samePersonShare)
        }
    }
    let agents: [Row]
    let team: Row
    init(_ s: TeamStats) {
        let row = { (a: AgentStats) in
            Row(login: a.login, customersOwned: a.customersOwned, waitingOnUs: a.waitingOnUs,
                medianFirstReplySeconds: a.medianFirstReplySeconds, samePersonShare: a.samePersonShare)
        }
        agents = s.agents.map(row)
        team = row(s.team)
    }
}
