/// What importing a row means for the customers its addresses already belong to. The stores look the
/// customers up and write; these rules decide, so both adapters refuse and change owners alike.
extension CustomerImport {
    /// How an import changes an existing customer's owner.
    public enum OwnerChange: Sendable, Hashable {
        /// The customer had no owner: giving them one is no silent change of person, so no --reassign needed.
        case assign
        /// Another agent looked after them; only with --reassign, logged with the note "import".
        case reassign

        public var note: String? {
            switch self {
            case .assign: nil
            case .reassign: "import"
            }
        }
    }

    /// Why `row` can not go in as it stands, given the customers its addresses belong to (`matches`,
    /// each once); nil when it can. Shown before anything is written.
    public static func conflict(row: Row, matches: [Customer]) -> ImportConflict? {
        if matches.count > 1 {
            return ImportConflict(problem: ImportProblem(
                line: row.line,
                message: "its addresses belong to different customers: " + matches.map(\.fullName).joined(separator: ", ")),
                isOwnerChange: false)
        }
        if let existing = matches.first, let owner = existing.owner, owner != row.owner {
            return ImportConflict(problem: ImportProblem(
                line: row.line,
                message: "\(existing.fullName) is looked after by \(owner); the file says \(row.owner ?? "nobody") "
                    + "(use --reassign to change owners; it is logged with the note \"import\")"),
                isOwnerChange: true)
        }
        return nil
    }

    /// The customer `row` updates, or nil when it adds a new one; addresses of several customers are an error.
    public static func customer(for row: Row, among matches: [Customer]) throws -> Customer? {
        guard matches.count <= 1 else {
            throw RapportError.invalid("line \(row.line): its addresses belong to different customers")
        }
        return matches.first
    }

    /// The row's addresses `existing` does not have yet, in the row's order.
    public static func newAddresses(of row: Row, for existing: Customer) -> [String] {
        row.emails.filter { !existing.addresses.contains($0) }
    }

    /// What the row does to `existing`'s owner: nil when it keeps them.
    public static func ownerChange(of existing: Customer, by row: Row, reassign: Bool) throws -> OwnerChange? {
        guard existing.owner != row.owner else { return nil }
        if existing.owner == nil { return .assign }
        guard reassign else { throw RapportError.invalid("line \(row.line): owner change needs --reassign") }
        return .reassign
    }
}
