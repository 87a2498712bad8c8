import Foundation
import TestSupport
import GRDB
import RapportCore
import Testing
@testable import RapportMail
@testable import RapportStore

/// A real store file and a Maildir in a temporary folder.
struct IngestFixture {
    let dir: TemporaryDirectory
    let store: SQLiteStore
    let maildir: String

    init() throws {
        dir = try TemporaryDirectory()
        store = try SQLiteStore(path: dir.path("store/rapport.sqlite"), create: true)
        try store.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
        maildir = dir.path("Maildir")
        try MaildirWriter(root: maildir).create()
    }

    /// Writes a message into cur/ with the given flags (or new/ without).
    @discardableResult
    func deliver(_ text: String, name: String? = nil, flags: String? = nil) throws -> String {
        let unique = name ?? UUID().uuidString
        let path = flags.map { "\(maildir)/cur/\(unique):2,\($0)" } ?? "\(maildir)/new/\(unique)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func ingest() throws -> IngestSummary {
        try MailIngester(store: store, batchSize: 3).run(maildirs: [maildir])
    }

    func count(_ table: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    func conversationID(ofMessage messageID: String) throws -> Int64? {
        try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT conversation_id FROM message WHERE message_id = ?", arguments: [messageID])
        }
    }
}

func mail(from: String, to: String = "support@example.com", subject: String, id: String?, date: String,
          inReplyTo: String? = nil, body: String = "Hello") -> String {
    var headers = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: \(date)"]
    if let id { headers.append("Message-ID: <\(id)>") }
    if let inReplyTo { headers.append("In-Reply-To: <\(inReplyTo)>") }
    return headers.joined(separator: "\n") + "\n\n" + body + "\n"
}

@Suite("Maildir ingest into a real store")
struct IngestTests {
    @Test("Maildir flags come only from the :2, info part")
    func flags() {
        #expect(MaildirEntry.split(fileName: "1700000000.M1P2.host:2,RS") == ("1700000000.M1P2.host", ["R", "S"]))
        #expect(MaildirEntry.split(fileName: "1700000000.M1P2.host,S=4000:2,") == ("1700000000.M1P2.host,S=4000", []))
        #expect(MaildirEntry.split(fileName: "weird:1,RS") == ("weird", []))
        #expect(MaildirEntry.split(fileName: "no-info-RS") == ("no-info-RS", []))
    }

    @Test("the corpus: every file ingested, a duplicate, or reported with a reason; a second run adds nothing")
    func corpus() throws {
        let fixture = try IngestFixture()
        let files = try CorpusTests.copyMessageFiles(into: fixture.maildir)
        let first = try fixture.ingest()
        #expect(first.ingested + first.duplicates + first.failed.count == files.count)
        #expect(Set(first.failed.map(\.error)) == ["empty file", "no sender address (From)"])
        #expect(try fixture.count("message") == first.ingested)

        let counts = try ["message", "conversation", "customer"].map(fixture.count)
        let second = try fixture.ingest()
        #expect(second.ingested == 0 && second.duplicates == 0 && second.failed.isEmpty)
        #expect(second.alreadySeen == files.count)
        #expect(try ["message", "conversation", "customer"].map(fixture.count) == counts)
    }

    @Test("an unknown sender becomes an unassigned, not-yet-existing customer named from the display name")
    func newCustomer() throws {
        let fixture = try IngestFixture()
        try fixture.deliver(mail(from: "Dana Whitfield <Dana@Example.org>", subject: "Quote", id: "a1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        try fixture.deliver(mail(from: "lee.morgan@example.org", subject: "Hi", id: "b1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        #expect(try fixture.ingest().ingested == 2)
        let dana = try #require(try fixture.store.customer(email: "dana@example.org"))
        #expect((dana.firstName, dana.lastName, dana.owner, dana.isExisting) == ("Dana", "Whitfield", nil, false))
        let lee = try #require(try fixture.store.customer(email: "lee.morgan@example.org"))
        #expect((lee.firstName, lee.lastName) == ("Lee", "Morgan"))
    }

    @Test("threading: headers first, then the same subject within 30 days, else a new conversation")
    func threading() throws {
        let fixture = try IngestFixture()
        let dana = "Dana <dana@example.org>"
        try fixture.deliver(mail(from: dana, subject: "Renewal quote", id: "m1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"), flags: "S")
        try fixture.deliver(mail(from: dana, subject: "something else", id: "m2@x", date: "Tue, 2 Apr 2024 10:00:00 +0000", inReplyTo: "m1@x"))
        try fixture.deliver(mail(from: dana, subject: "RE: Fwd: renewal  QUOTE", id: "m3@x", date: "Thu, 25 Apr 2024 10:00:00 +0000"))
        try fixture.deliver(mail(from: dana, subject: "Renewal quote", id: "m4@x", date: "Tue, 25 Jun 2024 10:00:00 +0000"))
        // Mail the agent sent from their own address: outbound, by them, in the customer's thread.
        try fixture.deliver(mail(from: "Sam Ortiz <sam@example.com>", to: "dana@example.org", subject: "Re: Renewal quote",
                                 id: "s1@x", date: "Tue, 25 Jun 2024 12:00:00 +0000", inReplyTo: "m4@x"))
        let summary = try fixture.ingest()
        #expect(summary.ingested == 5)
        let first = try fixture.conversationID(ofMessage: "m1@x")
        #expect(try fixture.conversationID(ofMessage: "m2@x") == first)
        #expect(try fixture.conversationID(ofMessage: "m3@x") == first)
        let later = try fixture.conversationID(ofMessage: "m4@x")
        #expect(later != first)
        #expect(try fixture.conversationID(ofMessage: "s1@x") == later)
        let sent = try fixture.store.messages(conversation: later!).last!
        #expect((sent.direction, sent.author) == (.outbound, nil), "filed outbound, but nobody's reply on a From line's word")
        #expect(try fixture.count("customer") == 1)
    }

    /// A closed conversation, and one pending on the customer (which used to stay pending, out of Mine's
    /// unread), are open again when the customer writes, and unread for their owner.
    @Test("a new inbound message makes a closed or pending conversation open and unread again",
          arguments: [ConversationStatus.closed, .pending])
    func reopens(_ status: ConversationStatus) throws {
        let fixture = try IngestFixture()
        try fixture.deliver(mail(from: "dana@example.org", subject: "Help", id: "h1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        _ = try fixture.ingest()
        let id = try #require(try fixture.conversationID(ofMessage: "h1@x"))
        try fixture.store.setStatus(status, conversation: id)
        try fixture.store.markSeen(conversation: id, agent: "sam", at: Date(timeIntervalSince1970: 1_712_000_000))
        try fixture.deliver(mail(from: "dana@example.org", subject: "Re: Help", id: "h2@x", date: "Wed, 3 Apr 2024 10:00:00 +0000", inReplyTo: "h1@x"))
        _ = try fixture.ingest()
        #expect(try fixture.store.conversation(id: id)?.status == .open)
        let row = try fixture.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam")
            .first { $0.id == id }
        #expect(row?.unread == true)
    }

    @Test("duplicates: the same Message-ID or, without one, the same content is stored once")
    func duplicates() throws {
        let fixture = try IngestFixture()
        let withID = mail(from: "dana@example.org", subject: "One", id: "d1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000")
        let withoutID = mail(from: "dana@example.org", subject: "Two", id: nil, date: "Mon, 1 Apr 2024 11:00:00 +0000")
        for text in [withID, withID, withoutID, withoutID] { try fixture.deliver(text) }
        let summary = try fixture.ingest()
        #expect((summary.ingested, summary.duplicates) == (2, 2))
    }

    @Test("a file moved from new/ to cur/ by a mail client is not read again")
    func movedFile() throws {
        let fixture = try IngestFixture()
        let path = try fixture.deliver(mail(from: "dana@example.org", subject: "Move", id: nil, date: "Mon, 1 Apr 2024 10:00:00 +0000"), name: "1711965600.M1P1.host")
        #expect(try fixture.ingest().ingested == 1)
        try FileManager.default.moveItem(atPath: path, toPath: "\(fixture.maildir)/cur/1711965600.M1P1.host:2,S")
        let again = try fixture.ingest()
        #expect((again.ingested, again.duplicates, again.alreadySeen) == (0, 0, 1))
    }

    @Test("ingest never moves or changes Maildir files")
    func leavesFilesAlone() throws {
        let fixture = try IngestFixture()
        let path = try fixture.deliver(mail(from: "dana@example.org", subject: "Stay", id: "k1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try fixture.ingest()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(fixture.maildir)/cur").isEmpty)
    }

    /// Sets a Maildir folder's modification time (seconds since 1970).
    func setModified(_ folder: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder, &times, 0) == 0)
    }

    @Test("an unchanged folder is not listed again; a delivery (new modification time) is picked up")
    func unchangedFoldersAreSkipped() throws {
        let fixture = try IngestFixture()
        try fixture.deliver(mail(from: "dana@example.org", subject: "One", id: "f1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        try fixture.deliver(mail(from: "dana@example.org", subject: "Two", id: "f2@x", date: "Mon, 1 Apr 2024 11:00:00 +0000"), flags: "S")
        setModified("\(fixture.maildir)/new", 1_700_000_000)
        setModified("\(fixture.maildir)/cur", 1_700_000_000)
        #expect(try fixture.ingest().ingested == 2)

        // A file slipped in with the folder's time put back: proof the folder is not read at all.
        try fixture.deliver(mail(from: "dana@example.org", subject: "Hidden", id: "f3@x", date: "Mon, 1 Apr 2024 12:00:00 +0000"))
        setModified("\(fixture.maildir)/new", 1_700_000_000)
        let skipped = try fixture.ingest()
        #expect((skipped.ingested, skipped.alreadySeen) == (0, 2))

        // Any real change to the folder (here its time) makes the next run list it.
        setModified("\(fixture.maildir)/new", 1_700_000_100)
        let listed = try fixture.ingest()
        #expect((listed.ingested, listed.alreadySeen) == (1, 2))
    }

    @Test("a folder changed in the last two seconds is listed again next time")
    func recentFoldersAreNotStamped() throws {
        let fixture = try IngestFixture()
        try fixture.deliver(mail(from: "dana@example.org", subject: "Now", id: "r1@x", date: "Mon, 1 Apr 2024 10:00:00 +0000"))
        // A minute ahead of the clock: "changed within two seconds" however slow this machine is.
        setModified("\(fixture.maildir)/new", Int(Date().timeIntervalSince1970) + 60)
        setModified("\(fixture.maildir)/cur", 1_700_000_000)
        #expect(try fixture.ingest().ingested == 1)
        let stamps = try fixture.store.folderStamps(["\(fixture.maildir)/new", "\(fixture.maildir)/cur"])
        #expect(stamps["\(fixture.maildir)/new"] == nil)
        #expect(stamps["\(fixture.maildir)/cur"] == FolderStamp(modified: 1_700_000_000 * 1_000_000_000, files: 0))
    }
}
