import Foundation
import RapportCore
import Testing
import TestSupport

/// Who the customer is and who gets our reply, on real files and real processes: a web form's
/// no-reply mail with the visitor in Reply-To, a customer who copies their partner, and a sender
/// with no human address, ingested by the binary from a Maildir and answered through msmtp to
/// the loopback SMTP server, whose envelope recipients are checked; on SQLite and on PostgreSQL.
@Suite(.serialized) struct ReplyAddressTests {
    static let form = """
        From: Website contact form <no-reply@forms.example>
        Reply-To: Ann Lee <ann.lee@lee.example>
        To: sam@example.com
        Subject: Contact form: a question about my policy
        Message-ID: <form-1@forms.example>
        Date: Mon, 30 Nov 2026 09:00:00 +0000

        Name: Ann Lee
        Message: Does my policy cover hail?

        """
    static let copied = """
        From: Dana Whitfield <dana@example.org>
        To: Sam Ortiz <sam@example.com>
        Cc: Alex Whitfield <alex@home.example>, Priya Raman <priya@example.com>
        Subject: Our new car
        Message-ID: <car-1@example.org>
        Date: Mon, 30 Nov 2026 10:00:00 +0000

        Hi Sam, Alex and I bought a car. Can you add it?

        """
    static let alertOnly = """
        From: Bank alerts <no-reply@bank.example>
        To: sam@example.com
        Subject: Your statement is ready
        Message-ID: <alert-1@bank.example>
        Date: Mon, 30 Nov 2026 11:00:00 +0000

        Your statement is ready.

        """
    static let guessed = """
        From: j.smith82@gmail.example
        To: sam@example.com
        Subject: hello
        Message-ID: <js-1@gmail.example>
        Date: Mon, 30 Nov 2026 12:00:00 +0000

        Hi, is anyone there?

        """

    /// A team store that has ingested the four messages, every customer given to Sam.
    func ingested(_ backend: Backend) throws -> (RapportBinary, [[String: Any]]) {
        let cli = try RapportBinary.withTeam(backend)
        let maildir = try cli.makeMaildir("inbox")
        for (name, text) in [("form", Self.form), ("copied", Self.copied), ("alert", Self.alertOnly), ("guessed", Self.guessed)] {
            try text.write(toFile: "\(maildir)/new/\(name).eml", atomically: true, encoding: .utf8)
        }
        let ingest = try cli.run(["ingest", maildir, "--json"])
        #expect((ingest.json as? [String: Any])?["ingested"] as? Int == 4, "\(ingest.stdout) \(ingest.stderr)")
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        for customer in customers {
            let email = try #require(customer["email"] as? String)
            #expect(try cli.run(["assign", email, "sam", "--agent", "sam"]).status == 0)
        }
        return (cli, customers)
    }

    func conversation(_ cli: RapportBinary, customer: String) throws -> String {
        let rows = try #require(try cli.run(["conversations", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let row = try #require(rows.first { $0["customer"] as? String == customer }, "\(customer) in \(rows)")
        return String(try #require(row["id"] as? Int))
    }

    @Test(arguments: Backend.available)
    func customersAreThePeopleNotTheRelaysAndGuessedNamesAreMarked(_ backend: Backend) throws {
        let (_, customers) = try ingested(backend)
        let byEmail = Dictionary(uniqueKeysWithValues: customers.map { ($0["email"] as? String ?? "", $0) })
        #expect(byEmail["ann.lee@lee.example"]?["first_name"] as? String == "Ann")
        #expect(byEmail["ann.lee@lee.example"]?["name_guessed"] as? Bool == false)
        #expect(byEmail["no-reply@forms.example"] == nil, "the form's relay is no customer")
        #expect(byEmail["j.smith82@gmail.example"]?["first_name"] as? String == "J")
        #expect(byEmail["j.smith82@gmail.example"]?["last_name"] as? String == "Smith")
        #expect(byEmail["j.smith82@gmail.example"]?["name_guessed"] as? Bool == true)
        #expect(byEmail["no-reply@bank.example"]?["name_guessed"] as? Bool == true)
    }

    @Test(arguments: Backend.available)
    func repliesGoToReplyToAndCopyTheCustomersPeopleThroughTheRealDelivery(_ backend: Backend) throws {
        let (cli, _) = try ingested(backend)
        let home = cli.folder.url
        let server = try LoopbackSMTP(maildir: home.appendingPathComponent("received").path)
        defer { server.stop() }
        let msmtp = try server.msmtpCommand(configIn: home).joined(separator: " ")

        let ann = try cli.run(["reply", try conversation(cli, customer: "ann.lee@lee.example"), "--agent", "sam",
                               "--text", "Hi Ann,\n\nYes, hail is covered. Anything else?\n\nSam\n"])
        #expect(ann.status == 0 && ann.stdout.contains("to ann.lee@lee.example"), "\(ann.stdout) \(ann.stderr)")
        let dana = try cli.run(["reply", try conversation(cli, customer: "dana@example.org"), "--agent", "sam",
                                "--text", "Hi Dana,\n\nThe car is added; the new card follows.\n\nSam\n"])
        #expect(dana.stdout.contains("to dana@example.org, cc alex@home.example"), "\(dana.stdout) \(dana.stderr)")
        // Guessed name: a neutral greeting passes.
        let guess = try cli.run(["reply", try conversation(cli, customer: "j.smith82@gmail.example"), "--agent", "sam",
                                 "--text", "Hello,\n\nYes, I am here. How can I help?\n\nSam\n"])
        #expect(guess.status == 0, "\(guess.stderr)")

        let sent = try cli.run(["send", "--sendmail", msmtp, "--json"])
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        server.stop()
        let received = server.received()
        #expect(received.count == 3)
        let toAnn = try #require(received.first { mailHeader("Subject", in: $0)?.contains("hail") == true || $0.contains("hail is covered") })
        #expect(mailHeader("To", in: toAnn)?.contains("ann.lee@lee.example") == true)
        #expect(mailHeader("Cc", in: toAnn) == nil)
        #expect(mailHeader("X-RcptTo", in: toAnn) == "ann.lee@lee.example")
        let toDana = try #require(received.first { $0.contains("The car is added") })
        #expect(mailHeader("To", in: toDana)?.contains("dana@example.org") == true)
        #expect(mailHeader("Cc", in: toDana) == "alex@home.example", "agents are never copied")
        let envelope = Set((mailHeader("X-RcptTo", in: toDana) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(envelope == ["dana@example.org", "alex@home.example"], "the copied partner receives it too")
    }

    @Test(arguments: Backend.available)
    func aCustomerWithOnlyANoReplyAddressCannotBeAnsweredAndIsToldWhy(_ backend: Backend) throws {
        let (cli, _) = try ingested(backend)
        let id = try conversation(cli, customer: "no-reply@bank.example")
        let refused = try cli.run(["reply", id, "--agent", "sam", "--text", "Hello,\n\nThanks.\n\nSam\n"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no-reply@bank.example, a no-reply address") && refused.stderr.contains("no human address"),
                "\(refused.stderr)")
        let outbox = try #require(try cli.run(["send", "--sendmail", "/bin/false", "--json"]).json as? [String: Any])
        #expect((outbox["sent"] as? [Any])?.isEmpty == true && (outbox["failed"] as? [Any])?.isEmpty == true)
    }

    /// In tmux, as an agent sees it: the thread shows who was copied, the composer who will be, Ctrl-R
    /// leaves them out; the guessed name and the no-reply-only sender say what to do.
    @Test(arguments: Backend.available)
    func theInboxShowsWhoIsCopiedAndWhoCannotBeAnswered(_ backend: Backend) throws {
        let (cli, _) = try ingested(backend)
        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"], width: 120, height: 30)
        func open(_ subject: String) throws {
            try screen.waitFor("Sam · Mine")
            try screen.waitFor(subject)  // the bars show before the list has loaded (slower on a server)
            try screen.send("g")       // from the top: the cursor stays where the last thread was opened
            let list = try screen.waitFor(subject)   // the status bar can show before the rows have loaded
            let rows = list.dropFirst(2).prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let index = try #require(rows.firstIndex { $0.contains(subject) }, "\(subject) in \(list)") - rows.startIndex
            for _ in 0..<index { try screen.send("j") }
            try screen.send("Enter")
            try screen.waitFor("· Conversation ·")
        }
        try open("Our new car")
        let thread = try screen.waitFor("cc alex@home.example, priya@example.com")
        #expect(thread.contains { $0.contains("to sam@example.com · cc alex@home.example, priya@example.com") }, "\(thread)")
        try screen.send("r")
        try screen.waitFor("To dana@example.org · Cc alex@home.example · Ctrl-R reply-all on")
        try screen.send("C-r")
        try screen.waitFor("Ctrl-R reply-all off")
        try screen.send("Escape")
        try screen.send("q")

        try open("Your statement is ready")
        try screen.send("r")
        try screen.waitFor("✗ no human address to answer: Bank alerts wrote only from no-reply@bank.example")
        try screen.send("Escape")
        try screen.send("q")

        try open("hello")
        try screen.send("r")
        let composer = try screen.waitFor("Reply to J Smith (name guessed)").joined(separator: " ")
        #expect(composer.contains("Name guessed from the address: \"Hello,\" will do") && composer.contains("`rapport customer edit`"),
                "\(composer)")
    }
}
