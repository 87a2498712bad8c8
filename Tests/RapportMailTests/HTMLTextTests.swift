import Foundation
import RapportCore
import Testing
@testable import RapportMail

/// `HTMLText` reads bytes since issue #15 (an HTML-only message cost as much as thirty plain ones
/// when it walked `Character`s). The `Character` version it replaced is kept below as the reference:
/// both must read every input alike.
@Suite("HTML bodies made readable")
struct HTMLTextTests {
    static let cases = [
        "<p>Hello&nbsp;Ann,</p><p>See <a href=\"https://x.example/a\">the page</a>.<br>Thanks &amp; bye</p>",
        "<html><head><title>T</title><style>p {}</style></head><body><ul><li>one</li><li>two</li></ul></body></html>",
        "<!-- a comment --> text <!--> after <!---> more <!-- never closes",
        "a < b and c<d, <3 and </> and <",
        "<a href='http://q.example/?a=1&amp;b=2'>link</a> <a HREF = http://bare.example x>b</a> <a href=\"ftp://no\">c</a>",
        "<img alt=\"Logo &amp; co\" src=x><img alt=''><IMG ALT=Big>",
        "<td>a</td><th>b</th><tr><td> spaced   out \t\n words </td></tr>",
        "&#65;&#x42;&#X43;&#0;&#xFFFFFFFF;&unknown;&amp&;&Eacute;&EACUTE;&eacute;&#+68;&#x1F600;",
        "caf\u{E9} \u{A0}nbsp\u{2003}em\u{3000}ideo\u{85}nel \u{1F468}\u{200D}\u{1F469} e\u{301}x",
        "<script>if (a < b) { x = \"</p>\" }</script>after<SCRIPT/>still<style>p{}</STYLE>shown",
        "<div attr=\"a>b\">quoted > inside</div><p class='it\"s'>x</p>",
        "<\u{E9}l\u{E9}ment>text</\u{E9}l\u{E9}ment><?xml version=1?><!DOCTYPE html>",
        "\n\n  <p></p><br><br><br>  end  \n\n",
        "<li>first<li>second<hr>rule<blockquote>quote</blockquote>",
        "",
    ]

    @Test("hand-made cases read as the Character version read them")
    func handMadeCases() {
        for html in Self.cases {
            #expect(HTMLText.readable(from: html) == HTMLTextBefore.readable(from: html), "\(html)")
        }
    }

    /// The one place the two differ, on purpose: a combining mark right after HTML's syntax. The
    /// `Character` version saw ";" + U+0301 as one character, so "&amp;" before an accent stayed
    /// undecoded, and a space with an accent on it vanished whole; code points, as browsers read, keep both.
    @Test("a combining mark after an entity or a space is kept, the entity decoded")
    func combiningMarksAfterSyntax() {
        #expect(HTMLText.readable(from: "a&amp;\u{301}b") == "a&\u{301}b")
        #expect(HTMLText.readable(from: "a \u{301}b") == "a \u{301}b")
        #expect(HTMLText.readable(from: "e\u{301}t\u{E9}") == "e\u{301}t\u{E9}")
    }

    /// Random mixes of tags, entities, quotes, white space and multi-byte characters (combining
    /// marks aside, see above).
    @Test("generated markup reads as the Character version read it")
    func generatedMarkup() {
        let pieces = ["<", ">", "</", "/>", "<p>", "</p>", "<br>", "<a href=\"http://x.example/", "\">", "</a>",
                      "<li>", "<td>", "<img alt='", "'", "\"", "<!--", "-->", "<script>", "</script>", "<style",
                      "&", "&amp;", "&#", "x41;", ";", "&nbsp;", "&lt;", " ", "  ", "\n", "\t", "\r\n", "word",
                      "W", "=", "\u{A0}", "\u{E9}", "\u{2003}", "\u{1F600}", "é", "<head>", "</HEAD>"]
        var generator = SplitMix64(seed: 15)
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 1...30, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(HTMLText.readable(from: html) == HTMLTextBefore.readable(from: html), "\(html.debugDescription)")
        }
    }

    /// Every HTML part of the shared corpus.
    @Test("the corpus's HTML parts read as the Character version read them")
    func corpusHTML() throws {
        var compared = 0
        for file in CorpusTests.messageFiles() {
            guard let document = try? GMimeDocument(path: TestPaths.corpus.appendingPathComponent(file).path) else { continue }
            let (leaves, _) = document.leaves(maxDepth: 64, maxParts: 1_000)
            for index in leaves.indices where leaves[index].contentType == "text/html" {
                guard let (html, _) = document.text(ofLeaf: index, cap: 1 << 20) else { continue }
                #expect(HTMLText.readable(from: html) == HTMLTextBefore.readable(from: html), "\(file) part \(index)")
                compared += 1
            }
        }
        #expect(compared >= 10, "the corpus has HTML parts (\(compared))")
    }
}

/// The `Character` version, as it was before issue #15, for comparison only.
enum HTMLTextBefore {
    static func readable(from html: String) -> String {
        var output = Output()
        var scalars = html.unicodeScalars[...]
        var skipUntil: String?   // inside <script>, <style>, <head>: drop until this closing tag
        var pendingLink: String?

        while let first = scalars.first {
            if first == "<" {
                guard let tag = Tag.read(&scalars) else {
                    output.text("<")
                    scalars.removeFirst()
                    continue
                }
                if let skip = skipUntil {
                    if tag.closing && tag.name == skip { skipUntil = nil }
                    continue
                }
                switch tag.name {
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
                        if let link = pendingLink { output.text(" <\(link)>") }
                        pendingLink = nil
                    } else if let href = tag.attribute("href"), href.hasPrefix("http") {
                        pendingLink = decodeEntities(href)
                    }
                case "img":
                    if let alt = tag.attribute("alt"), !alt.isEmpty { output.text("[\(decodeEntities(alt))]") }
                default:
                    break
                }
                continue
            }
            // Text up to the next tag.
            var run = String.UnicodeScalarView()
            while let scalar = scalars.first, scalar != "<" {
                run.append(scalar)
                scalars.removeFirst()
            }
            if skipUntil == nil { output.text(decodeEntities(String(run))) }
        }
        return output.finished()
    }

    /// Collapses whitespace as a browser would and keeps at most one blank line in a row.
    private struct Output {
        var result = ""
        var pendingSpace = false
        var newlines = 2   // treat the start as after a paragraph: no leading blank lines

        mutating func text(_ string: String) {
            for character in string {
                if character.isWhitespace {
                    pendingSpace = newlines == 0
                    continue
                }
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
                newlines = 0
            }
        }

        mutating func lineBreak() {
            pendingSpace = false
            if newlines < 2 {
                result.append("\n")
                newlines += 1
            }
        }

        mutating func paragraph() {
            pendingSpace = false
            while newlines < 2 {
                result.append("\n")
                newlines += 1
            }
        }

        func finished() -> String {
            result.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var body: String

        /// Reads `<...>` from the front of `scalars`; nil when it is not a tag (a lone `<`).
        static func read(_ scalars: inout Substring.UnicodeScalarView) -> Tag? {
            var probe = scalars.dropFirst()
            if probe.starts(with: "!--".unicodeScalars) {
                // A comment: drop through the closing -->, or to the end when it never closes.
                var body = String.UnicodeScalarView()
                while let scalar = probe.first {
                    body.append(scalar)
                    probe.removeFirst()
                    if String(body).hasSuffix("-->") { break }
                }
                scalars = probe
                return Tag(name: "!--", closing: false, selfClosing: true, body: "")
            }
            guard let next = probe.first, next.properties.isAlphabetic || next == "/" || next == "!" || next == "?" else {
                return nil
            }
            var body = String.UnicodeScalarView()
            var quote: Unicode.Scalar?
            while let scalar = probe.first {
                probe.removeFirst()
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    break
                }
                body.append(scalar)
            }
            scalars = probe
            var text = String(body)
            let closing = text.hasPrefix("/")
            if closing { text.removeFirst() }
            let selfClosing = text.hasSuffix("/")
            let name = text.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
            return Tag(name: name, closing: closing, selfClosing: selfClosing, body: text)
        }

        func attribute(_ wanted: String) -> String? {
            // name="value", name='value' or name=value, case-insensitive name.
            let lower = body.lowercased()
            var searchStart = lower.startIndex
            while let range = lower.range(of: wanted, range: searchStart..<lower.endIndex) {
                searchStart = range.upperBound
                let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
                guard before.isWhitespace else { continue }
                var cursor = range.upperBound
                while cursor < lower.endIndex, lower[cursor].isWhitespace { cursor = lower.index(after: cursor) }
                guard cursor < lower.endIndex, lower[cursor] == "=" else { continue }
                cursor = lower.index(after: cursor)
                while cursor < lower.endIndex, lower[cursor].isWhitespace { cursor = lower.index(after: cursor) }
                guard cursor < lower.endIndex else { return "" }
                let offset = lower.distance(from: lower.startIndex, to: cursor)
                let original = body[body.index(body.startIndex, offsetBy: offset)...]
                if let quote = original.first, quote == "\"" || quote == "'" {
                    return String(original.dropFirst().prefix { $0 != quote })
                }
                return String(original.prefix { !$0.isWhitespace })
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
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            let candidate = rest.dropFirst().prefix(12)
            if let semicolon = candidate.firstIndex(of: ";") {
                let name = String(candidate[..<semicolon])
                if let decoded = decode(name) {
                    result += decoded
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            result.append("&")
            rest = rest.dropFirst()
        }
        return result + rest
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
}
