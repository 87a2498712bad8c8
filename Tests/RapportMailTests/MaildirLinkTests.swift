import Foundation
import RapportCore
import Testing
@testable import RapportMail
import GRDB
@testable import RapportStore

/// Symbolic links in a Maildir: one that stays inside is a message like any other; one that leaves
/// it (to a private key, another user's mail) is never read.
@Suite struct MaildirLinkTests {
    @Test func linksLeavingTheMaildirAreNotFollowed() throws {
        let f = try IngestFixture()
        let secret = f.dir.path("secret.txt")
        try "From: root@example.com\nSubject: private key\n\n-----BEGIN OPENSSH PRIVATE KEY-----\n".write(
            toFile: secret, atomically: true, encoding: .utf8)
        #expect(symlink(secret, f.maildir + "/new/outside") == 0)
        #expect(symlink("../../secret.txt", f.maildir + "/cur/relative-outside:2,S") == 0)
        // A link whose target is inside the Maildir is read once, as its target.
        try f.deliver("From: Ann Lee <ann@lee.example>\nSubject: inside\nMessage-ID: <in-1@lee.example>\n\nHello\n",
                      name: "target", flags: "S")
        #expect(symlink(f.maildir + "/cur/target:2,S", f.maildir + "/new/inside") == 0)

        let summary = try f.ingest()
        #expect(summary.ingested == 1)
        #expect(summary.duplicates == 1)
        #expect(try f.count("message") == 1)
        let texts = try f.store.pool.read { db in try String.fetchAll(db, sql: "SELECT text FROM message") }
        #expect(!texts.contains { $0.contains("PRIVATE KEY") })
    }
}

/// A Maildir is known by its real path: typed another way (relative, through a link, with `..`),
/// it is the same folder and nothing is read again.
@Suite struct MaildirRealPathTests {
    @Test func theSameMaildirTypedAnotherWayIsNotReadAgain() throws {
        let f = try IngestFixture()
        try f.deliver("From: Ann Lee <ann@lee.example>\nSubject: hi\nMessage-ID: <p-1@lee.example>\n\nHello\n")
        try f.deliver("From: Bo Chen <bo@chen.example>\nSubject: hi\nMessage-ID: <p-2@chen.example>\n\nHello\n")
        #expect(try MailIngester(store: f.store).run(maildirs: [f.maildir]).ingested == 2)
        let link = f.dir.path("inbox-link")
        #expect(symlink(f.maildir, link) == 0)
        let parent = (f.maildir as NSString).deletingLastPathComponent
        let name = (f.maildir as NSString).lastPathComponent
        for typed in [link, parent + "/./" + name, parent + "/../" + (parent as NSString).lastPathComponent + "/" + name] {
            let again = try MailIngester(store: f.store).run(maildirs: [typed])
            #expect(again.ingested == 0 && again.duplicates == 0, "\(typed): \(again)")
        }
        #expect(Maildir(root: link).root == Maildir(root: f.maildir).root)
    }
}
