import Foundation

/// A CSV file read into rows keyed by the header, each with the line it started on (RFC 4180:
/// quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line ends).
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the file where the row starts.
        public let line: Int
        public let fields: [String: String]

        public subscript(_ column: String) -> String {
            (fields[column] ?? "").trimmingCharacters(in: .whitespaces)
        }
    }

    public let header: [String]
    public let rows: [Row]

    /// Parses `text`; a malformed file (unterminated quote, stray quote, wrong field count) is an
    /// error naming the line.
    public init(text: String) throws {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }   // a BOM from spreadsheet exports
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { inQuotes = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "," {
                fields.append(field); field = ""; afterQuote = false
            } else if c == "\r" || c == "\n" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            } else if c == "\"" {
                guard field.trimmingCharacters(in: .whitespaces).isEmpty, !afterQuote else {
                    throw CSVError(line: line, message: "a quote in the middle of an unquoted field")
                }
                field = ""
                inQuotes = true
            } else {
                if afterQuote, c != " " {
                    throw CSVError(line: line, message: "text after a closing quote")
                }
                if !afterQuote { field.unicodeScalars.append(c) }
            }
            i += 1
        }
        if inQuotes { throw CSVError(line: recordLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw CSVError(line: 1, message: "the file is empty; expected a header row") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw CSVError(line: record.line,
                               message: "expected \(header.count) fields, found \(record.fields.count)")
            }
            rows.append(Row(line: record.line, fields: Dictionary(zip(header, record.fields), uniquingKeysWith: { a, _ in a })))
        }
        self.rows = rows
    }

    /// Fails unless every `required` column is in the header.
    public func require(_ required: [String]) throws {
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw CSVError(line: 1, message: "missing column(s): \(missing.joined(separator: ", ")); the header is "
                           + header.joined(separator: ","))
        }
    }
}

public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
    public var description: String { "line \(line): \(message)" }
}
