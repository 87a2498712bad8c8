import ArgumentParser
import Foundation
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer import FILE [--json] [--reassign]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a book of customers (CSV: first_name,last_name,email,owner,existing[,email2…]); all or nothing.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var input: ImportFile.Options
        @Flag(help: "Let the file change owners (logged with the note \"import\").") var reassign = false

        func run() throws {
            let store = try global.openStore()
            let me = try global.currentAgent(store)
            let customers = Customers(store: store)
            let table = try input.table(columns: CustomerImport.columns)
            let (rows, problems) = try customers.readImport(table, reassign: reassign)
            if !problems.isEmpty {
                ImportFile.report(problems, nothingImported: true, json: input.json, hint: nil)
                throw ExitCode(1)
            }
            let result = try customers.import(rows, reassign: reassign, by: me.login)
            if input.json { return printJSON(result) }
            say("\(result.added) added, \(result.updated) updated, \(result.reassigned) owner change\(result.reassigned == 1 ? "" : "s").")
        }
    }
}
