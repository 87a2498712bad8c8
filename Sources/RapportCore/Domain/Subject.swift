import Foundation

/// Subject-line rules shared by threading and replies.
public enum Subject {
    /// Strips reply/forward prefixes ("Re:", "RE[2]:", "Fwd:", "AW:", "SV:"…), list tags like "[team]",
    /// folds whitespace and case, so "Re: Fwd: Renewal  quote" threads with "renewal quote".
    public static func normalized(_ subject: String) -> String {
        asciiNormalized(subject) ?? anyNormalized(subject)
    }

    /// The rule for any subject.
    static func anyNormalized(_ subject: String) -> String {
        var s = subject.trimmingCharacters(in: .whitespacesAndNewlines)
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

    static let prefixes: Set<String> = ["re", "fw", "fwd", "aw", "sv", "vs", "antw", "wg", "tr", "rif", "ref"]

    /// The same rule on the bytes of an ASCII subject (nil for any other): ingest normalises the
    /// subject of every message no header threads, and Foundation's trimming and the Character
    /// splitting above cost ~54,000 instructions a subject. In ASCII the white space of
    /// `whitespacesAndNewlines` and of `Character.isWhitespace` is tab to carriage return and space;
    /// that of `.whitespaces` is tab and space. A test holds it to `anyNormalized`.
    static func asciiNormalized(_ subject: String) -> String? {
        var bytes = Array(subject.utf8)[...]
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        bytes = ASCIIBytes.trimmed(bytes, where: ASCIIBytes.isWhitespace)
        while true {
            if bytes.first == UInt8(ascii: "["), let close = bytes.firstIndex(of: UInt8(ascii: "]")) {
                bytes = ASCIIBytes.trimmed(bytes[(close + 1)...], where: ASCIIBytes.isBlank)
                continue
            }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { break }
            var head = ASCIIBytes.trimmed(bytes[..<colon], where: ASCIIBytes.isBlank)
            if let bracket = head.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") }) {
                head = head[..<bracket]
            }
            guard prefixes.contains(String(decoding: head.map(ASCIIBytes.lowercased), as: UTF8.self)) else { break }
            bytes = ASCIIBytes.trimmed(bytes[(colon + 1)...], where: ASCIIBytes.isBlank)
        }
        let words = bytes.split(whereSeparator: ASCIIBytes.isWhitespace).map { $0.map(ASCIIBytes.lowercased) }
        return String(decoding: Array(words.joined(separator: [0x20])), as: UTF8.self)
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
