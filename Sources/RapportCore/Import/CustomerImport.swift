import Foundation

/// Reads a book of customers (`first_name,last_name,email,owner,existing`, extra addresses as
/// `email2`, `email3`…) into rows or problems with line numbers. Pure: the caller says which agents exist.
public enum CustomerImport {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let firstName: String
        public let lastName: String
        /// Primary address first, then the extra ones.
        public let emails: [String]
        public let owner: String?
        public let isExisting: Bool
    }

    public static let columns = ["first_name", "last_name", "email", "owner", "existing"]

    public static func read(_ table: CSVTable, agentExists: (String) throws -> Bool) rethrows
        -> (rows: [Row], problems: [ImportProblem]) {
        let extraColumns = table.header.filter { $0.hasPrefix("email") && $0 != "email" && Int($0.dropFirst(5)) != nil }
            .sorted { Int($0.dropFirst(5))! < Int($1.dropFirst(5))! }
        var rows: [Row] = []
        var problems: [ImportProblem] = []
        var addressLine: [String: Int] = [:]
        for r in table.rows {
            var reasons: [String] = []
            let first = r["first_name"]
            if first.isEmpty { reasons.append("first_name is empty") }
            for field in ["first_name", "last_name"] {
                if let problem = PersonName.problem(r[field], field: field) { reasons.append(problem) }
            }
            let emails = ([r["email"]] + extraColumns.map { r[$0] }).filter { !$0.isEmpty }.map(EmailAddress.normalized)
            if r["email"].isEmpty { reasons.append("email is empty") }
            for email in emails {
                if !EmailAddress.isPlausible(email) { reasons.append("'\(email)' is not an email address") }
                else if let other = addressLine[email] { reasons.append("\(email) is also on line \(other)") }
            }
            let owner = r["owner"].isEmpty ? nil : r["owner"]
            if let owner, try !agentExists(owner) { reasons.append("unknown agent '\(owner)'") }
            let existing: Bool
            switch r["existing"].lowercased() {
            case "", "0", "no", "false", "n": existing = false
            case "1", "yes", "true", "y": existing = true
            default: existing = false; reasons.append("existing must be yes or no, not '\(r["existing"])'")
            }
            if !reasons.isEmpty {
                problems.append(ImportProblem(line: r.line, message: reasons.joined(separator: "; ")))
                continue
            }
            for email in emails { addressLine[email] = r.line }
            rows.append(Row(line: r.line, firstName: first, lastName: r["last_name"], emails: emails, owner: owner,
                            isExisting: existing))
        }
        return (rows, problems)
    }
}
