import Foundation

/// Turns what a person types into a safe FTS5 MATCH expression: the text is cut into the index's
/// tokens (runs of letters, marks and digits, as the unicode61 tokenizer cuts them), each token is
/// quoted (so `"`, `*`, `NEAR`, `-` and column filters typed by a user are just text), all must
/// match, and the last matches as a prefix so results appear while typing. The index keeps no
/// positions (detail=none), so "o'brien" finds messages holding both "o" and "brien".
enum FullTextQuery {
    static func match(for input: String) -> String? {
        let words = words(in: input)
        guard let last = words.last else { return nil }
        return (words.dropLast().map(quoted) + [quoted(last) + " *"]).joined(separator: " ")
    }

    /// The same query with the last word's prefix replaced by the words the index actually holds
    /// that start with it: `"a" AND ("alpha" OR "alps")`. Same matches, but FTS5 can then test one
    /// message at a time cheaply (a prefix query merges every matching document list first).
    static func match(for input: String, completions: [String]) -> String? {
        let words = words(in: input)
        guard !words.isEmpty, !completions.isEmpty else { return nil }
        let alternatives = "(" + completions.map(quoted).joined(separator: " OR ") + ")"
        return (words.dropLast().map(quoted) + [alternatives]).joined(separator: " AND ")
    }

    /// The last word as the index's tokenizer (unicode61, remove_diacritics 2) stores it, when that
    /// is certain: letters and digits, lower-cased, accents of Latin letters removed ("Zür" → "zur").
    /// Anything else (ß, ø, non-Latin scripts, hyphens) keeps the FTS5 prefix query.
    static func completablePrefix(of input: String) -> String? {
        guard let last = words(in: input).last else { return nil }
        var folded = String.UnicodeScalarView()
        for scalar in last.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                folded.append(scalar)
            case 0xC0...0x17F:
                // A Latin-1 or Latin Extended-A letter that decomposes into an ASCII letter and marks.
                let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let base = parts.first, (0x61...0x7A).contains(base.value),
                      parts.dropFirst().allSatisfy({ (0x300...0x36F).contains($0.value) }) else { return nil }
                folded.append(base)
            default:
                return nil
            }
        }
        return folded.isEmpty ? nil : String(folded)
    }

    /// The tokens of `input` as the index cuts text: anything but a letter, mark, digit or
    /// private-use character separates them.
    static func words(in input: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            if isTokenCharacter(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// unicode61's token characters: categories L*, N*, Co, and the marks it folds away.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    private static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
