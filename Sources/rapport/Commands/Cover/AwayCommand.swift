import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport away [LOGIN --until DATE --cover OTHER] [--json]`: records an absence, or lists them.
struct AwayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "away",
        abstract: "Record that an agent is away and who covers for them; with no login, list who is away.",
        discussion: """
        While LOGIN is away, the coverer's Mine also shows LOGIN's customers' open and pending \
        conversations, marked "covering for NAME", and the coverer may answer them without taking \
        them: the owner does not change, and each such reply is written in the customer's log \
        (rapport log). A cover reply to an existing customer must say whose customer they are and \
        when that person is back (the reply policy's cover rule). --until is the day they are back \
        (YYYY-MM-DD, local time): the cover ends as that day starts. `rapport back LOGIN` ends it sooner.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agent who is away; omit to list the absences in force.") var login: String?
    @Option(help: "The day they are back (YYYY-MM-DD).") var until: String?
    @Option(help: "The login of the agent who covers for them.") var cover: String?
    @OptionGroup var output: ListingOutput

    func validate() throws {
        if login == nil, until != nil || cover != nil {
            throw ValidationError("--until and --cover go with the login of the agent who is away")
        }
        if login != nil, until == nil || cover == nil {
            throw ValidationError("recording an absence needs both --until DATE and --cover LOGIN")
        }
    }

    func run() throws {
        let store = try global.openStore()
        let covers = Cover(store: store)
        guard let login, let until, let cover else {
            let current = try covers.current()
            if output.json { return printJSON(current.map(AbsenceJSON.init)) }
            if current.isEmpty { say("Nobody is away.") }
            for a in current {
                say("\(a.login)\taway until \(Self.day(a.until))\tcovered by \(a.cover)")
            }
            return
        }
        let back: Date
        do { back = try Cover.backDay(until) } catch { throw ValidationError("\(error)") }
        let me = try global.currentAgent(store)
        let absence = try covers.away(login, until: back, cover: cover, by: me.login)
        if output.json { return printJSON(AbsenceJSON(absence)) }
        say("\(login) is away until \(Self.day(absence.until)); \(cover) covers for them")
    }

    /// The day someone is back, as typed: YYYY-MM-DD in local time.
    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
    }
}

/// `rapport back LOGIN`: ends an absence now.
struct BackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "back", abstract: "End an agent's absence: their customers leave the coverer's Mine.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The agent who is back.") var login: String

    func run() throws {
        let ended = try Cover(store: global.openStore()).back(login)
        say("\(login) is back; \(ended.cover) no longer covers for them")
    }
}

/// An absence in `rapport away --json`.
struct AbsenceJSON: Encodable {
    let login, cover, setBy: String
    let until, since: Date
    init(_ a: Absence) { login = a.login; cover = a.cover; setBy = a.setBy; until = a.until; since = a.since }
}
