import RapportCore

/// Turns an HTML mail body into readable plain text: block elements become line breaks,
/// list items get bullets, links keep their address, scripts and styles vanish, entities are decoded.
/// Deliberately small: mail HTML only needs to be read, not rendered.
///
/// Works on UTF-8 bytes: every character of HTML's syntax is ASCII, so no byte it looks for is
/// ever inside a longer character. (Walking `Character`s made an HTML-only message cost as much
/// as parsing thirty plain ones; DECISIONS.md, "HTML bodies are read as bytes".)
public enum HTMLText {
    public static func readable(from html: String) -> String {
        readable(Array(html.utf8))
    }

    static func readable(_ html: [UInt8]) -> String {
        var output = Output()
        var at = 0
        var skipUntil: [UInt8]?   // inside <script>, <style>, <head>: drop until this closing tag
        var pendingLink: ArraySlice<UInt8>?

        while at < html.count {
            if html[at] == UInt8(ascii: "<") {
                guard let tag = Tag.read(html, at: &at) else {
                    output.text("<")
                    at += 1
                    continue
                }
                if let skip = skipUntil {
                    if tag.closing && tag.name == skip { skipUntil = nil }
                    continue
                }
                switch String(decoding: tag.name, as: UTF8.self) {
                case "script", "style", "head", "title":
                    if !tag.closing && !tag.selfClosing { skipUntil = tag.name }
                case "br":
                    output.lineBreak()
                case "p", "div", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
                     "pre", "hr", "section", "article", "header", "footer":
                    output.paragraph()
                case "li":
                    if !tag.closing { output.lineBreak(); output.text("• ") }
                case "td", "th":
                    if !tag.closing { output.text(" ") }
                case "a":
                    if tag.closing {
                        if let link = pendingLink { output.text(" <"); output.text(link); output.text(">") }
                        pendingLink = nil
                    } else if let href = tag.attribute("href"), href.starts(with: "http".utf8) {
                        pendingLink = decodeEntities(href)
                    }
                case "img":
                    if let alt = tag.attribute("alt"), !alt.isEmpty {
                        output.text("["); output.text(decodeEntities(alt)); output.text("]")
                    }
                default:
                    break
                }
                continue
            }
            // Text up to the next tag.
            let start = at
            while at < html.count, html[at] != UInt8(ascii: "<") { at += 1 }
            if skipUntil == nil { output.text(decodeEntities(html[start..<at])) }
        }
        return output.finished()
    }

    /// Collapses whitespace as a browser would and keeps at most one blank line in a row.
    private struct Output {
        var result: [UInt8] = []
        var pendingSpace = false
        var newlines = 2   // treat the start as after a paragraph: no leading blank lines

        mutating func text(_ string: String) {
            text(Array(string.utf8)[...])
        }

        mutating func text(_ bytes: ArraySlice<UInt8>) {
            var at = bytes.startIndex
            while at < bytes.endIndex {
                let space = HTMLText.whitespaceLength(bytes, at: at)
                if space > 0 {
                    pendingSpace = newlines == 0
                    at += space
                } else {
                    if pendingSpace { result.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    let end = min(at + HTMLText.scalarLength(bytes[at]), bytes.endIndex)
                    result.append(contentsOf: bytes[at..<end])
                    newlines = 0
                    at = end
                }
            }
        }

        mutating func lineBreak() {
            pendingSpace = false
            if newlines < 2 {
                result.append(UInt8(ascii: "\n"))
                newlines += 1
            }
        }

        mutating func paragraph() {
            pendingSpace = false
            while newlines < 2 {
                result.append(UInt8(ascii: "\n"))
                newlines += 1
            }
        }

        /// Text never starts with white space (it is only written before other text), so only the
        /// line breaks at the end are trimmed.
        func finished() -> String {
            var end = result.count
            while end > 0, ASCIIBytes.isWhitespace(result[end - 1]) { end -= 1 }
            return String(decoding: result[..<end], as: UTF8.self)
        }
    }

    private struct Tag {
        /// The name, lower-cased (ASCII letters).
        var name: [UInt8]
        var closing: Bool
        var selfClosing: Bool
        /// What is between `<` (and a closing `/`) and `>`.
        var body: ArraySlice<UInt8>

        /// Reads `<...>` at `at`, leaving `at` after it; nil when it is not a tag (a lone `<`).
        static func read(_ html: [UInt8], at: inout Int) -> Tag? {
            let open = at + 1
            if html[open...].starts(with: "!--".utf8) {
                // A comment: drop through the closing -->, or to the end when it never closes.
                var end = open + 3
                while end < html.count, !(end - 2 >= open && html[end - 2] == UInt8(ascii: "-")
                                          && html[end - 1] == UInt8(ascii: "-") && html[end] == UInt8(ascii: ">")) {
                    end += 1
                }
                at = min(end + 1, html.count)
                return Tag(name: Array("!--".utf8), closing: false, selfClosing: true, body: [])
            }
            guard open < html.count else { return nil }
            let next = html[open]
            let startsTag = next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
                || (next < 0x80 ? ASCIIBytes.isLetter(next) : firstScalar(html[open...]).properties.isAlphabetic)
            guard startsTag else { return nil }
            var end = open
            var quote: UInt8?
            while end < html.count {
                let byte = html[end]
                if let opened = quote {
                    if byte == opened { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            at = min(end + 1, html.count)
            var body = html[open..<end]
            let closing = body.first == UInt8(ascii: "/")
            if closing { body = body.dropFirst() }
            let selfClosing = body.last == UInt8(ascii: "/")
            var nameEnd = body.startIndex
            while nameEnd < body.endIndex, body[nameEnd] != UInt8(ascii: "/"), body[nameEnd] != UInt8(ascii: ">"),
                  whitespaceLength(body, at: nameEnd) == 0 {
                nameEnd += 1
            }
            return Tag(name: body[..<nameEnd].map(ASCIIBytes.lowercased), closing: closing, selfClosing: selfClosing, body: body)
        }

        /// name="value", name='value' or name=value, the name in any case, after white space.
        func attribute(_ wanted: String) -> ArraySlice<UInt8>? {
            let wanted = Array(wanted.utf8)
            var at = body.startIndex
            while at + wanted.count <= body.endIndex {
                defer { at += 1 }
                guard zip(body[at..<at + wanted.count], wanted).allSatisfy({ ASCIIBytes.lowercased($0) == $1 }) else { continue }
                guard at == body.startIndex || whitespaceLength(body, before: at) > 0 else { continue }
                var cursor = skipWhitespace(body, from: at + wanted.count)
                guard cursor < body.endIndex, body[cursor] == UInt8(ascii: "=") else { continue }
                cursor = skipWhitespace(body, from: cursor + 1)
                guard cursor < body.endIndex else { return [] }
                let first = body[cursor]
                if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                    return body[(cursor + 1)...].prefix { $0 != first }
                }
                var end = cursor
                while end < body.endIndex, whitespaceLength(body, at: end) == 0 { end += 1 }
                return body[cursor..<end]
            }
            return nil
        }
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "euro": "€", "pound": "£", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·",
        "eacute": "é", "egrave": "è", "agrave": "à", "auml": "ä", "ouml": "ö", "uuml": "ü", "szlig": "ß",
        "ccedil": "ç", "zwnj": "", "shy": "",
    ]

    /// Decodes `&name;`, `&#123;` and `&#x1F600;`; anything unknown is left as written.
    static func decodeEntities(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard text.contains(UInt8(ascii: "&")) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var at = text.startIndex
        while at < text.endIndex {
            let byte = text[at]
            guard byte == UInt8(ascii: "&") else {
                result.append(byte)
                at += 1
                continue
            }
            let candidate = text[(at + 1)..<min(at + 13, text.endIndex)]
            if let semicolon = candidate.firstIndex(of: UInt8(ascii: ";")),
               let decoded = decode(String(decoding: candidate[..<semicolon], as: UTF8.self)) {
                result.append(contentsOf: decoded.utf8)
                at = semicolon + 1
                continue
            }
            result.append(byte)
            at += 1
        }
        return result[...]
    }

    private static func decode(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return named[name.lowercased()] ?? named[name]
    }

    // MARK: - Bytes

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// The first character of valid UTF-8.
    static func firstScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The length in bytes of the white space character at `at` (as `Character.isWhitespace` has
    /// it), or 0.
    static func whitespaceLength(_ bytes: ArraySlice<UInt8>, at: Int) -> Int {
        let lead = bytes[at]
        if lead < 0x80 { return ASCIIBytes.isWhitespace(lead) ? 1 : 0 }
        let end = min(at + scalarLength(lead), bytes.endIndex)
        return firstScalar(bytes[at..<end]).properties.isWhitespace ? end - at : 0
    }

    /// The length in bytes of the white space character that ends just before `at`, or 0.
    static func whitespaceLength(_ bytes: ArraySlice<UInt8>, before at: Int) -> Int {
        var start = at - 1
        while start > bytes.startIndex, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return whitespaceLength(bytes, at: start) == at - start ? at - start : 0
    }

    static func skipWhitespace(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var at = start
        while at < bytes.endIndex, case let length = whitespaceLength(bytes, at: at), length > 0 { at += length }
        return at
    }
}
