import ArgumentParser
import Foundation
import RapportCore

/// Reading an import CSV and reporting its problems the same way for every import command.
enum ImportFile {
    /// The file an import reads and how it reports, the same for every import command.
    struct Options: ParsableArguments {
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Print the result, or the rows that stop the import, as JSON.") var json = false

        /// The file's rows, with `columns` required.
        func table(columns: [String]) throws -> CSVTable { try ImportFile.read(file, columns: columns) }
    }

    /// Reads and parses the file; a missing file or a malformed CSV is a refused action (exit 1).
    static func read(_ path: String, columns: [String]) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RapportError.invalid("cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RapportError.invalid("\(path): not UTF-8 text; nothing imported")
        }
        do {
            let table = try CSVTable(text: text)
            try table.require(columns)
            return table
        } catch let error as CSVError {
            throw RapportError.invalid("\(path): \(error); nothing imported")
        }
    }

    static func report(_ problems: [ImportProblem], nothingImported: Bool, json: Bool, hint: String?) {
        if json {
            printJSON(ProblemsJSON(imported: !nothingImported, failed: problems.map { .init(line: $0.line, error: $0.message) }))
        }
        for p in problems { complain("  \(p)") }
        if nothingImported {
            complain("rapport: \(problems.count) bad row\(problems.count == 1 ? "" : "s"); nothing imported\(hint.map { " (\($0))" } ?? "")")
        }
    }

    struct ProblemsJSON: Encodable {
        struct Failure: Encodable { let line: Int; let error: String }
        let imported: Bool
        let failed: [Failure]
    }
}
