import Foundation
import TestSupport
import Testing
@testable import RapportMail

@Suite("Parsing rules")
struct ParsingTests {
    private func parse(_ text: String) throws -> ParsedMessage {
        try MessageParser.parse(bytes: Data(text.utf8))
    }

    /// The text of a one-part text/plain mail in `charset`, its body in `encoding`.
    private func text(charset: String, encoding: String, _ body: String) throws -> String? {
        try parse("""
        From: a@example.com
        Content-Type: text/plain; charset=\(charset)
        Content-Transfer-Encoding: \(encoding)

        \(body)
        """).text
    }

    /// A multipart/`subtype` mail from a@example.com with these parts (each its headers, a blank
    /// line and its body), boundary XX.
    private func multipart(_ subtype: String, _ parts: [String]) -> String {
        "From: a@example.com\nContent-Type: multipart/\(subtype); boundary=XX\n\n--XX\n"
            + parts.joined(separator: "\n--XX\n") + "\n--XX--"
    }

    @Test("RFC 2047 names and subject are decoded to UTF-8")
    func encodedWords() throws {
        let message = try parse("""
        From: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>
        To: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <taro@example.jp>
        Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?= aus =?iso-8859-2?b?UPjtbGm5?=
        Message-ID: <a@b>

        hi
        """)
        #expect(message.from == Mailbox(name: "André Pirard", address: "PIRARD@vm1.ulg.ac.be"))
        #expect(message.to == [Mailbox(name: "山田太郎", address: "taro@example.jp")])
        #expect(message.subject == "Grüße aus Příliš")
    }

    @Test("quoted-printable and base64 bodies in other charsets arrive as UTF-8")
    func transferEncodingsAndCharsets() throws {
        let qp = try text(charset: "iso-8859-1", encoding: "quoted-printable", "Caf=E9 cr=E8me, soft=\n break")
        #expect(qp == "Café crème, soft break")

        let b64 = try text(charset: "koi8-r", encoding: "base64", "8NLJ18XU")
        #expect(b64 == "Привет")
    }

    @Test("ISO-8859-1 mail using Windows-1252's €, curly quotes and dashes reads as browsers read it")
    func latin1LabelReadsAsWindows1252() throws {
        let message = try text(charset: "ISO-8859-1", encoding: "quoted-printable", "=93It costs =8050 =96 caf=E9 included=94")
        #expect(message == "“It costs €50 – café included”")
    }

    @Test("an unknown charset degrades to a best guess, never an error")
    func unknownCharset() throws {
        let message = try MessageParser.parse(bytes: Data("From: a@example.com\nContent-Type: text/plain; charset=x-klingon\n\nna\u{e9}ve ok\n".utf8))
        #expect(message.text == "naéve ok".replacingOccurrences(of: "é", with: "\u{e9}"))
        let latin1 = Data("From: a@example.com\nContent-Type: text/plain; charset=x-unknown\n\n".utf8) + Data([0x63, 0x61, 0x66, 0xE9])
        #expect(try MessageParser.parse(bytes: latin1).text == "café")
    }

    @Test("text/plain is preferred over HTML; HTML alone becomes readable text")
    func bodyChoice() throws {
        let both = try parse(multipart("alternative", [
            "Content-Type: text/html\n\n<p>the <b>html</b></p>",
            "Content-Type: text/plain\n\nthe plain text",
        ]))
        #expect(both.text == "the plain text")
        #expect(both.attachments.isEmpty)

        let html = try parse("""
        From: a@example.com
        Content-Type: text/html; charset=utf-8

        <html><head><style>p {color: red}</style></head><body><p>Hello&nbsp;Ann,</p><p>See <a href="https://x.example/a">the page</a>.<br>Thanks &amp; bye</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script></body></html>
        """)
        #expect(html.text == "Hello Ann,\n\nSee the page <https://x.example/a>.\nThanks & bye\n\n• one\n• two")
    }

    @Test("attachments are listed with name, type and decoded size, never kept")
    func attachments() throws {
        let message = try parse(multipart("mixed", [
            "Content-Type: text/plain\n\nsee attached",
            """
            Content-Type: application/pdf; name="=?utf-8?q?R=C3=A9sum=C3=A9.pdf?="
            Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf
            Content-Transfer-Encoding: base64

            AAECAwQFBgcICQ==
            """,
            "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=",
        ]))
        #expect(message.text == "see attached")
        #expect(message.attachments == [
            .init(filename: "Résumé.pdf", contentType: "application/pdf", size: 10),
            .init(filename: nil, contentType: "image/png", size: 8),
        ])
    }

    @Test("threading headers are read without brackets")
    func threadingHeaders() throws {
        let message = try parse("""
        From: a@example.com
        Message-ID: <m3@example.com>
        In-Reply-To: <m2@example.com>
        References: <m1@example.com>
         <m2@example.com>

        x
        """)
        #expect(message.messageID == "m3@example.com")
        #expect(message.inReplyTo == "m2@example.com")
        #expect(message.references == ["m1@example.com", "m2@example.com"])
    }

    // MARK: - Bad input

    @Test("an empty file is reported, not parsed")
    func emptyFile() throws {
        let dir = try TemporaryDirectory()
        FileManager.default.createFile(atPath: dir.path("empty"), contents: Data())
        #expect(throws: ParseFailure("empty file")) { try MessageParser.parse(file: dir.path("empty")) }
        #expect(throws: ParseFailure.self) { try MessageParser.parse(file: dir.path("missing")) }
    }

    @Test("a file without headers is reported")
    func noHeaders() throws {
        #expect(throws: ParseFailure.self) { try MessageParser.parse(bytes: Data([0, 0, 0, 0xFF, 0xFE])) }
    }

    @Test("truncated MIME keeps what can be read")
    func truncatedMime() throws {
        let message = try parse("""
        From: Ann <ann@example.com>
        Subject: cut
        Content-Type: multipart/mixed; boundary=XX

        --XX
        Content-Type: text/plain
        Content-Transfer-Encoding: base64

        aGVsbG8gd29y
        """)
        #expect(message.from?.address == "ann@example.com")
        #expect(message.text == "hello wor")
    }

    @Test("NUL bytes and bare CR/LF are cleaned")
    func controlBytes() throws {
        // A bare CR inside the header block is not a line end for GMime: Subject is lost, From is kept.
        let bytes = Data("From: a@example.com\rSubject: one\u{0}two\r\n\nline1\rline2\u{0}\r\nline3\n".utf8)
        let message = try MessageParser.parse(bytes: bytes)
        #expect(message.from?.address == "a@example.com")
        #expect(message.text == "line1\nline2\nline3")
        #expect(message.text?.contains("\u{0}") == false)
        #expect(message.text?.contains("\r") == false)
        #expect(message.text?.hasSuffix("line3") == true)
    }

    @Test("multiparts nested 500 deep are cut at the depth limit with a warning")
    func deepNesting() throws {
        var text = "From: a@example.com\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<500 {
            text += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        text += "--b500\nContent-Type: text/plain\n\nbottom\n--b500--\n"
        for level in (0..<500).reversed() { text += "--b\(level)--\n" }
        let message = try parse(text)
        #expect(message.subject == "deep")
        #expect(message.text == nil)
        #expect(message.warnings.contains { $0.contains("deeper than 64") })
    }

    @Test("a 50 MB body is read from the file and cut at the text limit")
    func hugeBody() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("huge.eml")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data("From: big@example.com\nSubject: big\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\n".utf8))
        let line = Data(String(repeating: "0123456789", count: 7).appending("\n").utf8)
        let block = Data((0..<1_000).map { _ in line }.joined())
        for _ in 0..<700 { handle.write(block) }   // ~50 MB of text
        handle.write(Data("--XX\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n".utf8))
        handle.write(Data(String(repeating: "QUJD", count: 1_000).utf8))
        handle.write(Data("\n--XX--\n".utf8))
        try handle.close()

        let message = try MessageParser.parse(file: path)
        #expect(message.subject == "big")
        #expect(message.text!.utf8.count <= ParseLimits.standard.textBytes)
        #expect(message.text!.utf8.count > ParseLimits.standard.textBytes - 100)
        #expect(message.warnings.contains { $0.contains("text cut") })
        #expect(message.attachments == [.init(filename: nil, contentType: "application/octet-stream", size: 3_000)])
    }

    @Test("the JSON shape of `rapport parse --json`")
    func jsonShape() throws {
        let message = try parse("""
        From: Ann Lee <ann@example.com>
        To: bob@example.com
        Subject: Hi
        Date: Fri, 01 Mar 2024 09:30:00 +0100
        Message-ID: <x@y>

        Hello
        """)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(message), as: UTF8.self)
        #expect(json == #"{"attachments":[],"cc":[],"date":"2024-03-01T09:30:00+01:00","from":{"address":"ann@example.com","name":"Ann Lee"},"in_reply_to":null,"message_id":"x@y","references":[],"reply_to":[],"subject":"Hi","text":"Hello","to":[{"address":"bob@example.com","name":null}]}"#)
    }
}
