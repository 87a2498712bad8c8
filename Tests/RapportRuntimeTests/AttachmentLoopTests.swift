import Foundation
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

@Suite("In-memory inbox: a thread lists attachments by number; S saves one, O opens one")
struct AttachmentLoopTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/corpus/mail-gem/attachment_emails").standardizedFileURL

    /// Dana's answer filed from two real corpus files, each with one attachment.
    func fixtureWithAttachments(_ actions: (InboxFixture) throws -> AttachmentActions) throws -> (InboxFixture, Inbox) {
        let fixture = try InboxFixture()
        let dana = try #require(try fixture.store.customer(email: "dana@example.org"))
        let conversation = try #require(try fixture.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10,
                                                                          agent: "sam").first { $0.customerID == dana.id })
        for (i, name) in ["attachment_nonascii_filename.eml", "attachment_only_email.eml"].enumerated() {
            let file = fixture.folder.path("\(i).eml")
            try FileManager.default.copyItem(atPath: Self.corpus.appendingPathComponent(name).path, toPath: file)
            let parsed = try MessageParser.parse(file: file)
            try fixture.store.appendMessage(NewMessage(conversationID: conversation.id, direction: .inbound, from: "dana@example.org",
                                                       to: ["sam@example.com"], subject: "Re: Renewal quote", text: "See attached \(i)",
                                                       date: fixture.now.addingTimeInterval(Double(i - 60)),
                                                       attachments: parsed.attachments, sourcePath: file))
        }
        var inbox = fixture.inbox(attachments: try actions(fixture))
        inbox.press(.enter)
        return (fixture, inbox)
    }

    @Test("S asks which of two, saves number 2 under its own name into the downloads folder; a bad number is refused")
    func save() throws {
        var (fixture, inbox) = try fixtureWithAttachments {
            AttachmentActions(downloads: $0.folder.path("Downloads"), opener: ["/bin/true"])
        }
        let downloads = fixture.folder.path("Downloads")
        #expect(inbox.text.contains("[attachment 1] ciële.txt (text/plain"), "\(inbox.text)")
        #expect(inbox.text.contains("[attachment 2] blah.gz (application/x-gzip"), "\(inbox.text)")
        inbox.press(.char("S"))
        inbox.type("7")
        inbox.press(.enter)
        #expect(inbox.text.contains("Type a number from 1 to 2"), "\(inbox.text)")
        inbox.press(.backspace)
        inbox.type("2")
        inbox.press(.enter)
        #expect(inbox.text.contains("Saved \(downloads)/blah.gz"), "\(inbox.text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: downloads + "/blah.gz")).count == 288)
    }

    @Test("O saves into a private temporary folder and runs the opener with the file's path, without a shell")
    func open() throws {
        var (fixture, inbox) = try fixtureWithAttachments { fixture in
            let marker = fixture.folder.path("opened")
            let opener = fixture.folder.path("opener")
            try "#!/bin/sh\nprintf '%s' \"$1\" > \"\(marker).tmp\" && mv \"\(marker).tmp\" \"\(marker)\"\n"
                .write(toFile: opener, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: opener)
            return AttachmentActions(downloads: fixture.folder.path("unused"), opener: [opener])
        }
        let marker = fixture.folder.path("opened")
        inbox.press(.char("O"))
        inbox.type("1")
        inbox.press(.enter)
        #expect(inbox.text.contains("Opened "), "\(inbox.text)")
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline { usleep(10_000) }
        let path = try String(contentsOfFile: marker, encoding: .utf8)
        #expect(path.hasSuffix("/ciële.txt"), "\(path)")
        let folder = (path as NSString).deletingLastPathComponent
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700, "a private folder")
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path("unused")))
    }
}
