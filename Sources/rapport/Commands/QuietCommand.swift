import ArgumentParser
import Foundation
import RapportApp
import RapportCore

struct QuietCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiet", abstract: "My customers we have not written to for a while: time for a personal check-in.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Quiet for more than this many days (default: workflows.quiet_days in the config, 90).") var days: Int?
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let days = try self.days ?? global.config().quietDays
        let quiet = try Worklists(store: store).quiet(agent: me.login, days: days)
        if output.json {
            return printJSON(quiet.map { QuietJSON(email: $0.email, name: $0.name, lastWrittenTo: $0.lastWrittenTo, daysQuiet: $0.daysQuiet) })
        }
        if quiet.isEmpty { return say("Nobody has been quiet for more than \(days) days.") }
        for q in quiet {
            say("\(q.name) <\(q.email)>\t" + (q.daysQuiet.map { "\($0) days since we wrote" } ?? "we never wrote"))
        }
        say("Suggested template: check-in")
    }
}

struct QuietJSON: Encodable {
    let email: String, name: String
    let lastWrittenTo: Date?, daysQuiet: Int?
    enum CodingKeys: String, CodingKey { case email, name, lastWrittenTo, daysQuiet }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(email, forKey: .email); try c.encode(name, forKey: .name)
        try c.encode(lastWrittenTo, forKey: .lastWrittenTo); try c.encode(daysQuiet, forKey: .daysQuiet)
    }
}
