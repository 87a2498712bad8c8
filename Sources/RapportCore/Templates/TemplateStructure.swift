import Foundation

/// Checks a template body's tags before the Mustache parser sees them, in one linear pass.
///
/// The parser recurses once per nested section (3,000 nested sections overflowed the stack and
/// crashed every command that loads templates), takes quadratic time in the number of tags
/// (20,000 tags: 10 s), and accepted some unclosed sections without a word. A reply template is a
/// short letter: these limits are far above any real one, and a template past them is reported
/// by file and line while the others load.
enum TemplateStructure {
    static let maxBodyBytes = 64 * 1024
    static let maxTags = 1_000
    static let maxDepth = 32

    /// A problem with the body's structure and its line (the body starts at file line `firstLine`),
    /// or nil when the parser may have it.
    static func problem(in body: String, firstLine: Int) -> (line: Int, message: String)? {
        let bytes = Array(body.utf8)
        if bytes.count > maxBodyBytes {
            return (firstLine, "the template is \(bytes.count / 1024) KiB; templates are limited to \(maxBodyBytes / 1024) KiB")
        }
        var open: [(name: Substring, line: Int)] = []
        var tags = 0
        var line = firstLine
        var i = 0
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        while i < bytes.count {
            if bytes[i] == newline { line += 1; i += 1; continue }
            guard bytes[i] == brace, i + 1 < bytes.count, bytes[i + 1] == brace else { i += 1; continue }
            // A tag: find its end ("}}"); an unclosed one is the parser's to report, with its own message.
            var end = i + 2
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count else { return nil }
            tags += 1
            if tags > maxTags { return (line, "more than \(maxTags) tags; templates are limited to \(maxTags)") }
            let tagLine = line
            let content = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
            line += content.utf8.filter { $0 == newline }.count
            let trimmed = content.drop { $0 == " " || $0 == "\t" }
            // Other delimiters from here on: this scan only knows {{ }}; size and tag limits stand.
            if trimmed.hasPrefix("=") { return nil }
            if let sigil = trimmed.first, "#^$<".contains(sigil) {
                open.append((name(trimmed.dropFirst()), tagLine))
                if open.count > maxDepth {
                    return (tagLine, "sections nested more than \(maxDepth) deep; templates are limited to \(maxDepth)")
                }
            } else if trimmed.first == "/" {
                let closing = name(trimmed.dropFirst())
                guard let last = open.popLast() else {
                    return (tagLine, "\"{{/\(closing)}}\" closes a section that was never opened")
                }
                if last.name != closing {
                    return (tagLine, "\"{{/\(closing)}}\" closes the section \"\(last.name)\" opened on line \(last.line)")
                }
            }
            i = end + 2
        }
        if let unclosed = open.last {
            return (unclosed.line, "the section \"\(unclosed.name)\" opened here is never closed")
        }
        return nil
    }

    private static func name(_ text: Substring) -> Substring {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.prefix { $0 != " " && $0 != "\t" }
    }
}
