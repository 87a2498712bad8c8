import Foundation

/// Recognises addresses and phrases that tell a customer not to write back.
///
/// Every message Rapport sends must invite an answer, so the same detector is used by the
/// reply policy (`noreply` rule), by outbound mail (a no-reply sender is refused) and by the CLI.
public enum NoReply {
    /// Local parts (with `.`, `-`, `_` removed and lowercased) that mean "nobody reads this".
    static let deadLocalParts: Set<String> = [
        "noreply", "donotreply", "dontreply", "noresponse", "donotrespond", "norespond",
        "mailerdaemon", "unmonitored", "notmonitored", "noanswer", "donotanswer",
    ]

    /// True when the address looks like one nobody reads (`no-reply@`, `donotreply@`, `noreply+x@`…).
    public static func isNoReplyAddress(_ address: String) -> Bool {
        let squeezed = asciiSqueezedLocalPart(address) ?? anySqueezedLocalPart(address)
        if deadLocalParts.contains(squeezed) { return true }
        // "billing-noreply", "noreply.alerts", "do-not-reply-uk"
        // Compared as bytes: Foundation's substring search (and the generic one of the standard
        // library) cost thousands of instructions a word, for every new customer ingest meets.
        let bytes = Array(squeezed.utf8)
        return deadWords.contains { word in
            word.count <= bytes.count && (0...(bytes.count - word.count)).contains { start in
                bytes[start..<(start + word.count)].elementsEqual(word)
            }
        }
    }

    /// The local part as the rule compares it: the address without surrounding spaces, angle brackets
    /// and quotes, up to its last "@" (the whole of it without one), lower-cased, up to a "+" tag,
    /// without ".", "-" and "_".
    static func anySqueezedLocalPart(_ address: String) -> String {
        let bare = address.trimmingCharacters(in: addressPunctuation)
        var local = (bare.lastIndex(of: "@").map { bare[..<$0] } ?? Substring(bare)).lowercased()
        if let plus = local.firstIndex(of: "+") { local = String(local[..<plus]) }
        return local.filter { $0 != "." && $0 != "-" && $0 != "_" }
    }

    /// The same for an ASCII address, on its bytes (nil for any other): every customer ingest meets is
    /// checked, and Foundation's trimming and the Character walks above cost ~40,000 instructions an
    /// address. A test holds it to `anySqueezedLocalPart`.
    static func asciiSqueezedLocalPart(_ address: String) -> String? {
        let bytes = Array(address.utf8)[...]
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var local = ASCIIBytes.trimmed(bytes, where: { " \t<>\"'".utf8.contains($0) })
        if let at = local.lastIndex(of: UInt8(ascii: "@")) { local = local[..<at] }
        if let plus = local.firstIndex(of: UInt8(ascii: "+")) { local = local[..<plus] }
        let squeezed = local.filter { !".-_".utf8.contains($0) }.map(ASCIIBytes.lowercased)
        return String(decoding: squeezed, as: UTF8.self)
    }

    static let addressPunctuation = CharacterSet(charactersIn: " \t<>\"'")
    static let deadWords = ["noreply", "donotreply", "dontreply", "donotrespond", "norespond", "noresponse", "noanswer",
                            "mailerdaemon"].map { Array($0.utf8) }

    /// Every no-reply address found in a piece of text, in order of appearance.
    public static func addresses(in text: String) -> [String] {
        emailAddresses(in: text).filter(isNoReplyAddress)
    }

    /// A phrase in `line` telling the reader not to answer, if there is one.
    public static func discouragingPhrase(in line: String) -> String? {
        let range = NSRange(line.startIndex..., in: line)
        for pattern in phrasePatterns {
            if let match = pattern.firstMatch(in: line, range: range), let r = Range(match.range, in: line) {
                return String(line[r])
            }
        }
        return nil
    }

    static let phrasePatterns: [NSRegularExpression] = [
        // "please do not reply", "don't respond to this email" — but not "don't reply to that phishing mail"
        #"\b(?:please\s+)?(?:do\s+not|don[’']?t|dont)\s+(?:reply|respond|answer)\b(?!\s+to\s+(?:that|those|them|him|her|it|any|the\s+(?:sender|scam|phishing|text|caller)))"#,
        #"\b(?:this|the)\s+(?:mail\s?box|inbox|e-?mail\s+address|address)\s+(?:is\s+)?(?:not|isn[’']?t|un)\s*-?monitored\b"#,
        #"\bunmonitored\s+(?:mail\s?box|inbox|address|account)\b"#,
        #"\breplies\s+(?:to\s+this\s+(?:e-?mail|message|address)\s+)?(?:are|will)\s+not\s+be\s+(?:read|monitored|answered|seen)\b"#,
        #"\b(?:cannot|can[’']?t|can\s+not|is\s+unable\s+to)\s+(?:receive|accept)\s+replies\b"#,
        #"\bthis\s+is\s+an\s+(?:automated|automatic|auto-generated|unattended)\s+(?:message|e-?mail|notification)\b"#,
        #"\bno-?reply\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    static let emailPattern = try! NSRegularExpression(
        pattern: #"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#)

    /// Every email address in a text (a plain pattern: good enough to spot, not to validate).
    public static func emailAddresses(in text: String) -> [String] {
        emailPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}
