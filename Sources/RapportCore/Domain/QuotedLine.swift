/// A quoted line: one whose first character other than a space or a tab is `>`. Such a line is text
/// of the message being answered — never part of a reply (`DraftLayout`), and left out of the search
/// index, where the quoted message is found as itself (the SQLite tokenizer in Sources/SearchTokenizer
/// and PostgreSQL's `rapport_search_vector` apply this rule in their own languages; tests compare them
/// with it).
///
/// Read by Unicode scalars, as the index reads bytes: a `>` that a combining mark follows still opens
/// a quote, though `Character` would make the two one character.
public enum QuotedLine {
    public static func isQuoted<Line: StringProtocol>(_ line: Line) -> Bool {
        line.unicodeScalars.first { $0 != " " && $0 != "\t" } == ">"
    }

}
