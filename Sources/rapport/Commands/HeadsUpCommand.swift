import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportStore

struct HeadsUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headsup", abstract: "Tell customers about rate increases, fees and policy changes before they happen.",
        subcommands: [Import.self, Status.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import events (CSV: email,kind,effective_date,details); one personal draft per customer, from their owner.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Days before the effective date the message is due (default: workflows.headsup_lead_days in the config, 7).")
        var leadDays: Int?
        @Flag(help: "Import the good rows and report the bad ones (default: all or nothing).") var skipBad = false
        @Flag var json = false

        func validate() throws {
            if let leadDays, leadDays < 0 || leadDays > 365 { throw ValidationError("--lead-days must be between 0 and 365") }
        }

        func run() throws {
            let store = try global.openStore()
            let table = try ImportFile.read(file, columns: HeadsUpImport.columns)
            let kinds = try PreparedMessages.headsUpKinds()
            let lead = try leadDays ?? global.config().headsUpLeadDays
            let (rows, problems) = try HeadsUpImport.read(table, leadDays: lead, knownKinds: kinds) {
                try store.customer(email: $0) != nil
            }
            if !problems.isEmpty && !skipBad {
                ImportFile.report(problems, nothingImported: true, json: json, hint: "use --skip-bad to import the good rows")
                throw ExitCode(1)
            }
            let created = try store.importHeadsUps(rows) { row, customer, owner in
                try PreparedMessages.headsUp(row, customer: customer, owner: owner)
            }
            if json {
                printJSON(HeadsUpImportJSON(created: created, unchanged: rows.count - created,
                                            failed: problems.map { .init(line: $0.line, error: $0.message) }))
            } else {
                say("\(created) heads-up draft\(created == 1 ? "" : "s") created, \(rows.count - created) already imported"
                    + (problems.isEmpty ? "." : ", \(problems.count) bad row\(problems.count == 1 ? "" : "s") skipped:"))
                ImportFile.report(problems, nothingImported: false, json: false, hint: nil)
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Per event kind and date: affected, told, pending, overdue.")
        @OptionGroup var global: GlobalOptions
        @Flag var json = false

        func run() throws {
            let rows = try global.openStore().headsUpStatus(now: Date())
            if json { return printJSON(rows) }
            say("kind                 effective    affected  told  pending  overdue")
            for r in rows {
                say(r.kind.padding(toLength: 20, withPad: " ", startingAt: 0) + " " + r.effectiveDate + "  "
                    + [r.affected, r.told, r.pending, r.overdue].map { String($0).leftPadded(to: 8) }.joined(separator: " "))
            }
        }
    }
}

struct HeadsUpImportJSON: Encodable {
    struct Failure: Encodable { let line: Int; let error: String }
    let created: Int
    let unchanged: Int
    let failed: [Failure]
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
