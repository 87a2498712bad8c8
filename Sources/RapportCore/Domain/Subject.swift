import Foundation

/// Subject-line rules shared by threading and replies.
public enum Subject {
    /// Strips reply/forward prefixes ("Re:", "RE[2]:", "Fwd:", "AW:", "SV:"…), list tags like "[team]",
    /// folds whitespace and case, so "Re: Fwd: Renewal  quote" threads with "renewal quote".
    public static func normalized(_ subject: String) -> String {
        var s = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefixes = ["re", "fw", "fwd", "aw", "sv", "vs", "antw", "wg", "tr", "rif", "ref"]
        var changed = true
        while changed {
            changed = false
            if s.hasPrefix("["), let close = s.firstIndex(of: "]") {
                s = String(s[s.index(after: close)...]).trimmingCharacters(in: .whitespaces)
                changed = true
                continue
            }
            guard let colon = s.firstIndex(of: ":") else { break }
            var head = s[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
            if let bracket = head.firstIndex(where: { $0 == "[" || $0 == "(" }) {
                head = String(head[..<bracket])   // "Re[2]" / "Re(2)"
            }
            if prefixes.contains(head) {
                s = String(s[s.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The subject of a message we write in a conversation: "Re: …" when it answers something the
    /// customer wrote there; the conversation's own subject when it starts the exchange (a heads-up, a
    /// thank-you, a check-in: "Re:" on first contact reads as a reply to mail they never sent).
    public static func outgoing(conversation subject: String, answersCustomer: Bool) -> String {
        answersCustomer ? reply(to: subject) : subject.trimmingCharacters(in: .whitespaces)
    }

    /// "Re: " + the subject, without stacking prefixes.
    public static func reply(to subject: String) -> String {
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("re:") { return trimmed }
        return "Re: " + trimmed
    }
}
