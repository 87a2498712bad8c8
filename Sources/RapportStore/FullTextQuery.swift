import Foundation

/// Turns what a person types into a safe FTS5 MATCH expression: every word becomes a quoted
/// phrase (so `"`, `*`, `NEAR`, `-` and column filters typed by a user are just text), all words
/// must match, and the last word matches as a prefix so results appear while typing.
enum FullTextQuery {
    static func match(for input: String) -> String? {
        let words = input.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { word in
            word.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        }
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            let quoted = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return index == words.count - 1 ? quoted + " *" : quoted
        }.joined(separator: " ")
    }
}
