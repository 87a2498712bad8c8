import Foundation

/// A draft split into the lines the agent wrote and the text they quote.
///
/// Quoted text is never part of the reply: lines starting with `>`, and everything from an
/// attribution line ("On Tue, Dana wrote:", "-----Original Message-----", an Outlook
/// "From:/Sent:" header block) when what follows is the quoted message.
struct DraftLayout {
    /// Every line of the draft (line endings normalised), index 0 is line 1.
    let lines: [String]
    /// Indices of the lines written by the agent, in order (quoted lines left out).
    let reply: [Int]

    init(_ text: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalised.components(separatedBy: "\n")
        self.lines = lines
        let end = DraftLayout.quoteStart(lines) ?? lines.count
        reply = (0..<end).filter { !DraftLayout.isQuoted(lines[$0]) && !DraftLayout.isAttribution(lines, at: $0) }
    }

    /// Reply lines that are not blank.
    var written: [Int] { reply.filter { !lines[$0].isBlank } }

    /// The text of line `index` (0-based).
    subscript(index: Int) -> String { lines[index] }

    // MARK: - Quote detection

    static func isQuoted(_ line: String) -> Bool {
        QuotedLine.isQuoted(line)
    }

    /// "On Tue, 4 Mar 2025 at 09:12, Dana <dana@example.com> wrote:" (possibly wrapped onto two lines),
    /// and its French and German forms.
    static func isAttribution(_ lines: [String], at i: Int) -> Bool {
        let line = lines[i].trimmed
        let lower = line.lowercased()
        let endsLikeAttribution = { (s: String) in
            let l = s.lowercased()
            return l.hasSuffix("wrote:") || l.hasSuffix("a écrit :") || l.hasSuffix("a écrit:") || l.hasSuffix("schrieb:")
        }
        if lower.hasPrefix("on ") || lower.hasPrefix("le ") || lower.hasPrefix("am ") {
            if endsLikeAttribution(line) { return true }
            if i + 1 < lines.count, endsLikeAttribution(lines[i + 1].trimmed), lines[i + 1].trimmed.split(separator: " ").count <= 6 {
                return true
            }
        }
        // The second half of a wrapped attribution.
        if endsLikeAttribution(line), i > 0, lines[i - 1].trimmed.lowercased().hasPrefix("on ") { return true }
        return false
    }

    /// Where the quoted message begins, when the rest of the draft is the quote.
    static func quoteStart(_ lines: [String]) -> Int? {
        for i in lines.indices {
            let line = lines[i].trimmed
            let lower = line.lowercased()
            if lower.hasPrefix("-----original message-----") || lower.hasPrefix("---------- forwarded message")
                || lower == "begin forwarded message:" { return i }
            if lower.hasPrefix("from:"), isOutlookHeader(lines, from: i) { return i }
            if isAttribution(lines, at: i) {
                // Top-posting: after the attribution comes only the quote (prefixed with ">" or not).
                // Inline replies keep writing between quoted lines: those are handled line by line.
                let after = lines[(i + 1)...].filter { !$0.isBlank }
                let interleaved = after.drop(while: { !isQuoted($0) }).contains { !isQuoted($0) }
                if !interleaved { return i }
            }
        }
        return nil
    }

    /// "From: …" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:".
    static func isOutlookHeader(_ lines: [String], from i: Int) -> Bool {
        let next = lines[(i + 1)..<min(lines.count, i + 5)].map { $0.trimmed.lowercased() }
        let dated = next.contains { $0.hasPrefix("sent:") || $0.hasPrefix("date:") }
        let addressed = next.contains { $0.hasPrefix("to:") || $0.hasPrefix("subject:") }
        return dated && addressed
    }
}

// MARK: - Small text helpers shared by the policy

extension StringProtocol {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
    var isBlank: Bool { allSatisfy { $0.isWhitespace } }

    /// Whitespace-separated tokens that contain a letter or a digit ("—" and "&" are not words).
    var words: [Substring] {
        split(whereSeparator: { $0.isWhitespace }).map { Substring($0) }.filter { $0.contains { $0.isLetter || $0.isNumber } }
    }

    /// True when the line reads as a sentence (ends with ., ? or !, ignoring closing quotes/brackets).
    var endsLikeSentence: Bool {
        let t = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'’”)]"))
        guard let last = t.last else { return false }
        return last == "." || last == "?" || last == "!"
    }
}
