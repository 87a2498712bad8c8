import ArgumentParser
import Foundation
import RapportApp
import RapportCore

extension HeadsUpCommand {
    /// `rapport headsup import FILE [--json] [--lead-days N] [--skip-bad]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import events (CSV: email,kind,effective_date,details); one personal draft per customer, from their owner.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var input: ImportFile.Options
        @Option(help: "Days before the effective date the message is due (default: workflows.headsup_lead_days in the config, 7).")
        var leadDays: Int?
        @Flag(help: "Import the good rows and report the bad ones (default: all or nothing).") var skipBad = false

        func validate() throws {
            if let leadDays, leadDays < 0 || leadDays > 365 { throw ValidationError("--lead-days must be between 0 and 365") }
        }

        func run() throws {
            let headsUps = HeadsUps(store: try global.openStore())
            let table = try input.table(columns: HeadsUpImport.columns)
            let lead = try leadDays ?? global.config().headsUpLeadDays
            let (rows, problems) = try headsUps.read(table, leadDays: lead)
            if !problems.isEmpty && !skipBad {
                ImportFile.report(problems, nothingImported: true, json: input.json, hint: "use --skip-bad to import the good rows")
                throw ExitCode(1)
            }
            let created = try headsUps.import(rows)
            if input.json {
                printJSON(HeadsUpImportJSON(created: created, unchanged: rows.count - created,
                                            failed: problems.map { .init(line: $0.line, error: $0.message) }))
            } else {
                say("\(created) heads-up draft\(created == 1 ? "" : "s") created, \(rows.count - created) already imported"
                    + (problems.isEmpty ? "." : ", \(problems.count) bad row\(problems.count == 1 ? "" : "s") skipped:"))
                ImportFile.report(problems, nothingImported: false, json: false, hint: nil)
            }
        }
    }
}

/// `rapport headsup import --json`.
struct HeadsUpImportJSON: Encodable {
    struct Failure: Encodable { let line: Int; let error: String }
    let created: Int
    let unchanged: Int
    let failed: [Failure]
}
