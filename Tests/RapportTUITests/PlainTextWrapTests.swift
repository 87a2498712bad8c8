import Foundation
import Testing
@testable import RapportTUI

/// The byte fast path for printable ASCII must give exactly the lines of the grapheme walk.
@Suite("Plain ASCII wrapping on bytes")
struct PlainTextWrapTests {
    static let widths = [1, 2, 3, 4, 5, 7, 8, 13, 20, 39, 40, 72, 76, 80, 118, 198]

    /// Every .eml file of the shared corpus as text: real headers, quoted text, base64, long URLs.
    static func corpusTexts() -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/corpus/mail-gem").standardizedFileURL
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            (try? Data(contentsOf: root.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `bodyLines` as it was before the fast path: split on Characters, every line expanded,
    /// sanitised and wrapped by walking graphemes.
    static func referenceBodyLines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for raw in text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false) {
            let line = DisplaySafety.sanitised(TextLayout.expandingTabs(String(raw)))
            out.append(contentsOf: line.isEmpty ? [""] : TextLayout.wrappedGraphemes(line, width: width))
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    static func isPrintableASCII(_ line: String) -> Bool { line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    @Test func theCorpusIsThere() {
        #expect(Self.corpusTexts().count > 50)
    }

    @Test("Corpus lines wrap the same on bytes or code points as on graphemes, at every width")
    func corpusLines() {
        var compared = 0
        for text in Self.corpusTexts() {
            for line in text.replacingCRLF().split(separator: "\n").map(String.init) {
                for width in Self.widths {
                    #expect(TextLayout.wrapped(line, width: width) == TextLayout.wrappedGraphemes(line, width: width),
                            "width \(width): \(line)")
                }
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    @Test("Whole corpus files give the same body lines as before, ASCII or not")
    func corpusBodies() {
        for text in Self.corpusTexts() {
            for width in [1, 9, 40, 72, 118] {
                #expect(TextLayout.bodyLines(text, width: width) == Self.referenceBodyLines(text, width: width))
            }
        }
    }

    @Test("Spaces at every position: leading, doubled, trailing, exactly at the edge; words longer than the line")
    func spacesAndLongWords() {
        let cases = [
            "", " ", "  ", "a", "   leading spaces then words", "trailing spaces   ", "a  b   c    d",
            "abcdefghijklmnopqrstuvwxyz", "ab cdefghijklmnopqrstuvwxyz ab", " averyveryverylongword short",
            "short averyveryverylongwordthatgoeson and on", "x y", "xx yy zz", "exactly10c exactly10c",
            "https://example.com/a/very/long/path?with=query&and=more#fragment then text",
        ]
        for line in cases {
            for width in 1...24 {
                #expect(TextLayout.wrapped(line, width: width) == TextLayout.wrappedGraphemes(line, width: width),
                        "width \(width): '\(line)'")
            }
        }
    }

    @Test("Random lines of letters and spaces wrap the same at every width")
    func randomLines() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        for _ in 0..<2_000 {
            let length = Int(next() % 40)
            let line = String((0..<length).map { _ in next() % 3 == 0 ? " " : Character(UnicodeScalar(UInt8(97 + next() % 3))) })
            for width in 1...12 {
                #expect(TextLayout.wrapped(line, width: width) == TextLayout.wrappedGraphemes(line, width: width),
                        "width \(width): '\(line)'")
            }
        }
    }

    @Test("Mixed bodies: CRLF, lone CR, tabs, controls, accents and wide characters keep their lines")
    func mixedBodies() {
        let body = "Hi Zoë,\r\n\r\n\tindented line with a tab\rlone CR line\n東京 と 大阪 の 会議 について\n"
            + "plain ascii line that is long enough to wrap somewhere in the middle of it\n"
            + "esc \u{1B}[2J and del \u{7F} and bidi \u{202E}drow\n  two leading spaces\n\n\n"
        for width in 1...30 {
            #expect(TextLayout.bodyLines(body, width: width) == Self.referenceBodyLines(body, width: width))
        }
    }

    @Test("Only printable ASCII takes the byte path")
    func printableASCII() {
        for (line, expected) in [("hello world ~", true), ("", true), ("tab\there", false), ("del\u{7F}", false),
                                 ("esc\u{1B}", false), ("café", false), ("0123456789abcdef0123456\u{1F}", false),
                                 ("0123456789abcdef0123456\u{7F}x", false), ("0123456789abcdef0123456~ ", true)] {
            var copy = line
            #expect(copy.withUTF8 { PlainText.isPrintableASCII($0) } == expected, "\(line)")
        }
    }

    @Test("Sanitising's byte check lets nothing through that the code point check would replace")
    func sanitiseByteCheck() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = String(Character(DisplaySafety.replacement(for: scalar) ?? scalar))
            if DisplaySafety.sanitised("a" + String(Character(scalar)) + "b") != "a" + expected + "b" {
                Issue.record("U+\(String(value, radix: 16)) was not sanitised")
            }
            checked += 1
        }
        #expect(checked > 1_100_000)
    }

    @Test("No grapheme is wider than its UTF-8 bytes, so short lines skip measuring")
    func widthAtMostBytes() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if DisplayWidth.of(character) > character.utf8.count { Issue.record("U+\(String(value, radix: 16))") }
        }
        for text in ["e\u{301}", "🇫🇷", "👨‍👩‍👧", "❤️", "\r\n", "\u{1100}\u{1161}"] {
            #expect(DisplayWidth.of(text) <= text.utf8.count)
        }
    }

    @Test("Random lines of accented letters, quotes, dashes and spaces wrap the same at every width")
    func randomSimpleLines() {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        let pieces = ["a", "b", " ", " ", "é", "ß", "’", "—", "€", "\u{A0}", "ø", "«", "…", "Ł"]
        for _ in 0..<2_000 {
            let line = (0..<Int(next() % 40)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
            for width in 1...12 {
                #expect(TextLayout.wrapped(line, width: width) == TextLayout.wrappedGraphemes(line, width: width),
                        "width \(width): '\(line)'")
            }
        }
        // Anything outside the simple set (a combining mark, CJK, an emoji) takes the grapheme walk.
        for line in ["cafe\u{301} au lait avec du sucre", "東京 と 大阪 の 会議", "ok 👍🏽 thanks for that"] {
            #expect(PlainText.wrappedSimple(line, width: 5) == nil)
        }
    }

    @Test("Simple code points are one column, safe, and never join another into one grapheme")
    func simpleCodePoints() {
        let simple = (UInt32(0)...0x2FFFF).compactMap(Unicode.Scalar.init).filter(PlainText.isSimple)
        #expect(simple.count > 800)
        for s in simple {
            #expect(DisplayWidth.of(Character(s)) == 1 && DisplaySafety.replacement(for: s) == nil, "U+\(String(s.value, radix: 16))")
            #expect(("a" + String(s) + "a").count == 3, "U+\(String(s.value, radix: 16))")
        }
        for (i, s) in simple.enumerated() {
            for t in simple[(i % 5)...].enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
                if (String(s) + String(t)).count != 2 { Issue.record("U+\(String(s.value, radix: 16)) U+\(String(t.value, radix: 16))") }
            }
        }
    }
}

