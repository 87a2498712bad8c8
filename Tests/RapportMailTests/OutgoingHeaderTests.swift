import Foundation
import RapportCore
import Testing
@testable import RapportMail

/// The headers GMime writes for a reply stay within RFC 5322's 998-byte line limit whatever the
/// names and references are, and an address that cannot be sent as plain ASCII is refused with a reason.
@Suite struct OutgoingHeaderTests {
    func message(toName: String, to address: String = "dana@example.org", subject: String = "Your invoice",
                 references: [String] = []) -> OutgoingMessage {
        OutgoingMessage(from: Mailbox(name: "Sam Ortiz", address: "sam@example.com"), replyTo: "sam@example.com",
                        to: Mailbox(name: toName, address: address), subject: subject,
                        messageID: "r-1@example.com", inReplyTo: references.last, references: references,
                        date: Date(timeIntervalSince1970: 1_790_000_000), body: "Hi Dana,\n\nSam\n")
    }

    @Test func everyHeaderLineStaysUnder998Bytes() throws {
        let longName = String(repeating: "Dana-Maria 🎂 Whitfield-Ørsted ", count: 200)
        let references = (0..<20).map { "\(String(repeating: "x", count: 200))-\($0)@mail.example.org" }
        let text = try message(toName: longName, subject: String(repeating: "Zürich invoice ", count: 300),
                               references: references).rendered()
        let headers = text.components(separatedBy: "\n\n").first ?? text
        for line in headers.split(separator: "\n") {
            #expect(line.utf8.count <= 998, "\(line.utf8.count) bytes: \(line.prefix(60))…")
        }
        #expect(headers.contains("<r-1@example.com>"))
    }

    @Test(arguments: ["dänа@example.org", "dana@bäckerei.example", "dana\n@example.org"])
    func anAddressThatIsNotPlainASCIIIsRefused(_ address: String) throws {
        #expect(throws: OutboundError.self) { _ = try message(toName: "Dana", to: address).rendered() }
        do { _ = try message(toName: "Dana", to: address).rendered() } catch {
            #expect("\(error)".contains("ASCII"), "\(error)")
        }
    }

    /// The References we write parse back whole: every id, in order (GMime and Python's reader agree).
    @Test func referencesParseBackWhole() throws {
        let references = (1...20).map { "id-\($0).\(String(repeating: "y", count: 40))@mail.example.org" }
        let text = try message(toName: "Dana", references: references).rendered()
        let parsed = try MessageParser.parse(bytes: Data(text.utf8))
        #expect(parsed.references == references)
        #expect(parsed.inReplyTo == references.last)
    }

    /// Cc goes out as its own header, parsed back whole, and an unsendable Cc address is refused like To.
    @Test func ccIsWrittenAndReadBack() throws {
        var outgoing = message(toName: "Dana")
        outgoing.cc = (1...12).map { "partner-\($0)-with-a-long-local-part@household.example.org" }
        let text = try outgoing.rendered()
        let parsed = try MessageParser.parse(bytes: Data(text.utf8))
        #expect(parsed.cc.compactMap(\.address) == outgoing.cc)
        #expect(parsed.to.compactMap(\.address) == ["dana@example.org"])
        let headers = text.components(separatedBy: "\n\n").first ?? text
        #expect(headers.split(separator: "\n").allSatisfy { $0.utf8.count <= 998 })
        outgoing.cc = ["jö@example.org"]
        #expect(throws: OutboundError.self) { _ = try outgoing.rendered() }
    }

    /// A reply with files is multipart/mixed: the text first, each file base64 with its name (RFC 2231
    /// when not ASCII); our own parser reads back the text, every name, type and size, and the bytes.
    @Test func filesGoAsAttachmentsThatParseBackWhole() throws {
        var reply = message(toName: "Dana")
        let pdf = Data((0..<5_000).map { UInt8($0 % 251) })
        reply.attachments = [OutgoingAttachment(name: "Quote März.pdf", contentType: "application/pdf", data: pdf),
                             OutgoingAttachment(name: "notes.txt", contentType: "text/plain", data: Data("one\ntwo\n".utf8))]
        let text = try reply.rendered()
        #expect(text.contains("Content-Type: multipart/mixed"))
        let parsed = try MessageParser.parse(bytes: Data(text.utf8))
        #expect(parsed.text?.hasPrefix("Hi Dana,") == true, "\(parsed.text ?? "")")
        #expect(parsed.attachments == [AttachmentInfo(filename: "Quote März.pdf", contentType: "application/pdf", size: 5_000),
                                       AttachmentInfo(filename: "notes.txt", contentType: "text/plain", size: 8)])
        // The bytes themselves: the base64 of the first file decodes to what was attached.
        let parts = text.components(separatedBy: "Content-Disposition: attachment")
        let body = parts[1].components(separatedBy: "\n\n")[1].components(separatedBy: "\n--")[0]
        #expect(Data(base64Encoded: body.replacingOccurrences(of: "\n", with: "")) == pdf)
    }

    @Test func withoutFilesTheReplyStaysOnePlainTextPart() throws {
        let text = try message(toName: "Dana").rendered()
        #expect(text.contains("Content-Type: text/plain; charset=utf-8") && !text.contains("multipart"))
    }
}
