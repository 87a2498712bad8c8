import Foundation

/// Reads a heads-up CSV (`email,kind,effective_date,details`) into rows ready to import, or problems
/// with line numbers. Pure: the caller says which customers and kinds exist.
public enum HeadsUpImport {
    /// A row of the file: who hears of which notice. Its notice's fields read as its own.
    @dynamicMemberLookup
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let email: String
        public let notice: HeadsUpNotice
        /// When the personal message should go out: the lead time before the effective date.
        public let due: Date

        public subscript<Value>(dynamicMember field: KeyPath<HeadsUpNotice, Value>) -> Value { notice[keyPath: field] }

        public init(line: Int, email: String, kind: String, effectiveDate: Date, details: String, leadDays: Int) {
            self.line = line
            self.email = email
            notice = HeadsUpNotice(kind: kind, effectiveDate: effectiveDate, details: details)
            self.due = effectiveDate.addingTimeInterval(-Double(leadDays) * 86_400)
        }
    }

    public static let columns = ["email", "kind", "effective_date", "details"]

    public static func read(_ table: CSVTable, leadDays: Int, knownKinds: Set<String>,
                            customerExists: (String) throws -> Bool) rethrows -> (rows: [Row], problems: [ImportProblem]) {
        var rows: [Row] = []
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]   // customer|kind|date → the line that named it first
        for r in table.rows {
            var reasons: [String] = []
            let email = EmailAddress.normalized(r["email"])
            let kind = r["kind"].lowercased()
            let dateText = r["effective_date"]
            if !EmailAddress.isPlausible(email) { reasons.append("'\(r["email"])' is not an email address") }
            else if try !customerExists(email) { reasons.append("no customer has the address \(email)") }
            if kind.isEmpty { reasons.append("the kind is empty") }
            else if !knownKinds.contains(kind) {
                reasons.append("unknown kind '\(kind)' (no template headsup-\(kind); known: \(knownKinds.sorted().joined(separator: ", ")))")
            }
            let date = ISODate.parse(dateText)
            if date == nil { reasons.append("'\(dateText)' is not a date (use YYYY-MM-DD)") }
            if !reasons.isEmpty {
                problems.append(ImportProblem(line: r.line, message: reasons.joined(separator: "; ")))
                continue
            }
            // The same customer, kind and date twice in one file is one event: the second row is a
            // mistake to show (its details may differ), not something to drop without a word.
            if let first = seen.updateValue(r.line, forKey: "\(email)|\(kind)|\(dateText)") {
                seen["\(email)|\(kind)|\(dateText)"] = first
                problems.append(ImportProblem(line: r.line, message: "the same customer, kind and date as line \(first)"))
                continue
            }
            rows.append(Row(line: r.line, email: email, kind: kind, effectiveDate: date!, details: r["details"],
                            leadDays: leadDays))
        }
        return (rows, problems)
    }
}
