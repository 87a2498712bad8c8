import ArgumentParser
import Foundation
import RapportApp
import RapportCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Per agent: customers owned, waiting on us, median first reply, \"same person\" share.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: ListingOutput

    func run() throws {
        let stats = try Agents(store: global.openStore()).stats()
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
