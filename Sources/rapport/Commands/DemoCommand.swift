import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportPostgres
import RapportStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open (creating it if needed) a demo store with a team, customers and conversations.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Create the demo data and print a summary, without opening the inbox.") var seedOnly = false

    func run() throws {
        // The demo never touches the real store unless --store says so.
        let path = global.store ?? global.dataDirectory + "/demo.sqlite"
        guard !PostgresLocation.isPostgres(path) else {
            throw RapportError.invalid("the demo is a SQLite file; to try PostgreSQL, copy it over: "
                                       + "`rapport store copy --store DEMO.sqlite --to postgres://…`")
        }
        let store = try SQLiteStore(path: path, create: true)
        var seeder = DemoSeeder(store: store, now: Date())
        if let summary = try seeder.seedIfEmpty() {
            say("Demo store \(path): \(summary.agents) agents, \(summary.customers) customers "
                + "(\(summary.unassigned) unassigned), \(summary.conversations) conversations, \(summary.messages) messages.")
            let maildir = (path as NSString).deletingLastPathComponent + "/demo-maildir"
            let mail = try seeder.deliverMorningMail(to: maildir)
            say("This morning's mail: \(mail.ingested) messages ingested from \(maildir)"
                + (mail.failed.isEmpty ? "." : "; \(mail.failed.count) could not be read."))
        } else {
            say("Demo store \(path) already has data; opening it as it is.")
        }
        let agents = Agents(store: store)
        let agent = try agents.named(global.agent ?? agents.list().first?.login)
        if seedOnly { return }
        try openInbox(store: store, agent: agent)
    }
}
