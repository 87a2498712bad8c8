import Foundation
import RapportCore
import RapportMail
import Testing
import TestSupport

@Suite("AttachmentFiles: an attachment's bytes saved from the real mail file, never overwriting")
struct AttachmentFilesTests {
    let file = TestPaths.corpus.appendingPathComponent("attachment_emails/attachment_only_email.eml").path

    @Test("the decoded bytes are saved under the sender's name, then under a numbered one; nothing is overwritten")
    func savesTwice() throws {
        let folder = try TemporaryDirectory()
        let parsed = try MessageParser.parse(file: file)
        let info = try #require(parsed.attachments.first)
        let raw = try String(contentsOfFile: file, encoding: .utf8)
        let body = try #require(raw.range(of: "\r\n\r\n") ?? raw.range(of: "\n\n")).upperBound
        let expected = try #require(Data(base64Encoded: String(raw[body...]), options: .ignoreUnknownCharacters))

        let first = try AttachmentFiles.save(from: file, number: 1, expected: info, into: folder.url.path)
        #expect((first as NSString).lastPathComponent == "blah.gz")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == expected)
        #expect(expected.count == info.size)
        let second = try AttachmentFiles.save(from: file, number: 1, expected: info, into: folder.url.path)
        #expect((second as NSString).lastPathComponent == "blah (2).gz")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == expected, "the first file is untouched")
        let mode = try FileManager.default.attributesOfItem(atPath: second)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("refused with a reason: a number past the list, a changed file, a missing folder")
    func refusals() throws {
        let folder = try TemporaryDirectory()
        let info = AttachmentInfo(filename: "blah.gz", contentType: "application/x-gzip", size: 288)
        #expect(throws: RapportError.self) { try AttachmentFiles.save(from: file, number: 2, expected: info, into: folder.url.path) }
        let other = AttachmentInfo(filename: "blah.gz", contentType: "image/png", size: 288)
        #expect(throws: RapportError.self) { try AttachmentFiles.save(from: file, number: 1, expected: other, into: folder.url.path) }
        #expect(throws: RapportError.self) { try AttachmentFiles.save(from: file, number: 1, expected: info, into: folder.path("nope")) }
        #expect(throws: RapportError.self) { try AttachmentFiles.save(from: folder.path("gone.eml"), number: 1, expected: info, into: folder.url.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}
