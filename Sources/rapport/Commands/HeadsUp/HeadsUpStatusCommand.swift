import ArgumentParser
import RapportApp
import RapportCore

extension HeadsUpCommand {
    /// `rapport headsup status [--json]`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Per event kind and date: affected, told, pending, overdue.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListingOutput

        func run() throws {
            let rows = try HeadsUps(store: global.openStore()).status()
            if output.json { return printJSON(rows) }
            say("kind                 effective    affected  told  pending  overdue")
            for r in rows {
                say(r.kind.padding(toLength: 20, withPad: " ", startingAt: 0) + " " + r.effectiveDate + "  "
                    + [r.affected, r.told, r.pending, r.overdue].map { String($0).leftPadded(to: 8) }.joined(separator: " "))
            }
        }
    }
}
