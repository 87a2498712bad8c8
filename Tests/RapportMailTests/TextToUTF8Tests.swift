import Foundation
import MimeShim
import RapportCore
import Testing
@testable import RapportMail

/// Decoded text is made UTF-8 by the shim's own ways (ASCII skipped a word at a time, Windows-1252
/// through a table built from iconv); they must give exactly what GLib's validation and iconv give.
@Suite("Text made UTF-8 the fast way equals GLib and iconv")
struct TextToUTF8Tests {
    static func converted(_ bytes: [UInt8], charset: String?, tables: Bool) -> [UInt8] {
        var length = 0
        let text = Self.withChars(bytes) { rapport_text_to_utf8($0, bytes.count, charset, tables ? 1 : 0, &length) }
        guard let text else { return [] }
        defer { rapport_mime_string_free(text) }
        return Array(UnsafeRawBufferPointer(start: text, count: length))
    }

    /// `bytes` as a C pointer (never null, even for no bytes).
    static func withChars<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// Text of mail: ASCII words with letters of other scripts, curly quotes, controls, cut or
    /// invalid sequences, surrogates and overlong forms mixed in, at every alignment.
    static func mixes(count: Int) -> [[UInt8]] {
        var random = SplitMix64(seed: 1252)
        let pieces: [[UInt8]] = [
            Array("Thanks for the quote, see you ".utf8), Array("é".utf8), Array("Björn ".utf8), Array("—".utf8),
            Array("😀".utf8), Array("日本語".utf8), [0x92], [0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D], [0xE9], [0xC3],
            [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xFF],
            [0x00], [0x0D, 0x0A], Array("12345678".utf8), [0x7F], [0xA0],
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...24, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
        }
    }

    @Test("the validator agrees with Swift's on every mix, and NUL is never valid")
    func validation() {
        for bytes in Self.mixes(count: 3_000) + [[], [0], Array("plain".utf8)] {
            let swift = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
            let ours = Self.withChars(bytes) { rapport_utf8_is_valid($0, bytes.count) != 0 }
            #expect(ours == swift, "\(bytes)")
        }
    }

    @Test("every byte and every mix, in each charset mail declares, converts as GLib and iconv convert it")
    func conversion() {
        let singleBytes = (1...255).map { [UInt8($0)] }
        let charsets: [String?] = [nil, "utf-8", "UTF8", "us-ascii", "iso-8859-1", "latin1", "windows-1252", "cp1252",
                                   "iso-8859-15", "koi8-r", "x-unknown"]
        var changed = 0
        for charset in charsets {
            for bytes in singleBytes + Self.mixes(count: 500) {
                let fast = Self.converted(bytes, charset: charset, tables: true)
                #expect(fast == Self.converted(bytes, charset: charset, tables: false), "\(charset ?? "none"): \(bytes)")
                #expect(!fast.contains(0))
                if fast != bytes { changed += 1 }
            }
        }
        #expect(changed > 1_000, "the cases convert something (\(changed))")
    }

    @Test("a base64 part's size counted by its alphabet equals its decoded size, whatever junk it holds")
    func base64SizeWithJunk() throws {
        let junk = "!\"#$%&'()*,-.:;<>?@[\\]^_`{|}~ \t"
        let body = Data((0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).base64EncodedString(options: .lineLength76Characters)
        let mixed = body.enumerated().map { i, c in i % 97 == 0 ? "\(c)\(junk.randomElementStable(i))" : "\(c)" }.joined()
        let message = """
            From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n\
            Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\n\
            Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n\(mixed)\r\n--b--\r\n
            """
        let document = try GMimeDocument(bytes: Data(message.utf8))
        let (leaves, _) = document.leaves(maxDepth: 8, maxParts: 8)
        #expect(leaves.count == 2)
        #expect(document.size(ofLeaf: 1) == document.decodedSize(ofLeaf: 1))
        #expect(document.decodedSize(ofLeaf: 1) > 2_900)
    }
}

private extension String {
    /// The character at `seed` modulo the length: a fixed pick, so the test is the same on every run.
    func randomElementStable(_ seed: Int) -> Character {
        self[index(startIndex, offsetBy: seed % count)]
    }
}
