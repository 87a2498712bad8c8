import Foundation
import Testing

/// `rapport show` and `rapport attachment list|save` on a real corpus message filed by `rapport ingest`.
@Suite struct ShowCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus/mail-gem").standardizedFileURL

    @Test func showListsMessagesAndAttachmentsAndSaveWritesTheBytesUnderASafeName() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = try cli.makeMaildir("attachments")
        let source = Self.corpus.appendingPathComponent("attachment_emails/attachment_nonascii_filename.eml").path
        try FileManager.default.copyItem(atPath: source, toPath: maildir + "/new/1.eml")
        #expect(try cli.run(["ingest", maildir]).status == 0)

        let shown = try cli.run(["show", "1", "--agent", "sam"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("── message 1 · from the customer"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Attachment 1: ciële.txt (text/plain"), "\(shown.stdout)")
        let json = try #require(try cli.run(["show", "1", "--json", "--agent", "sam"]).json as? [String: Any])
        let messages = try #require(json["messages"] as? [[String: Any]])
        #expect(messages.count == 1 && messages[0]["direction"] as? String == "inbound")
        let attachments = try #require(messages[0]["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1 && attachments[0]["number"] as? Int == 1)
        #expect(attachments[0]["filename"] as? String == "ciële.txt" && attachments[0]["size"] as? Int == 11)
        let listed = try #require(try cli.run(["attachment", "list", "1", "--json", "--agent", "sam"]).json as? [[String: Any]])
        #expect(listed.count == 1 && listed[0]["content_type"] as? String == "text/plain")

        let folder = (cli.store as NSString).deletingLastPathComponent + "/downloads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let saved = try cli.run(["attachment", "save", "1", "1", "--to", folder, "--agent", "sam"])
        #expect(saved.status == 0 && saved.stdout.contains("saved \(folder)/ciële.txt"), "\(saved.stdout) \(saved.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/ciële.txt")).count == 11)
        let again = try cli.run(["attachment", "save", "1", "1", "--to", folder, "--agent", "sam"])
        #expect(again.stdout.contains("ciële (2).txt"), "\(again.stdout)")
        let missing = try cli.run(["attachment", "save", "1", "2", "--to", folder, "--agent", "sam"])
        #expect(missing.status == 1 && missing.stderr.contains("there is no number 2"), "\(missing.stderr)")
        #expect(try cli.run(["show", "42", "--agent", "sam"]).status == 1)
    }
}
