import Foundation
import Testing

/// `rapport compose` through the real binary: a new conversation, then `rapport send` through a real
/// sendmail script that keeps what it is given.
@Suite struct ComposeCommandTests {
    @Test(arguments: Backend.available)
    func composeStartsAConversationThatGoesOutUnderItsOwnSubject(_ backend: Backend) throws {
        let cli = try RapportBinary.withTeam(backend)
        try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dana@x.org", "--owner", "sam",
                     "--existing", "--agent", "sam"])
        let text = "Hi Dana,\n\nYour new card is on its way; tell me when it arrives.\n\nSam\n"

        let unknown = try cli.run(["compose", "--to", "ghost@x.org", "--subject", "Hello", "--text", text, "--agent", "sam"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no customer has the address ghost@x.org"), "\(unknown.stderr)")
        let notMine = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Hello", "--text", text, "--agent", "priya"])
        #expect(notMine.status == 1 && notMine.stderr.contains("only the owner may write to them"), "\(notMine.stderr)")
        let formal = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Hello", "--agent", "sam"],
                                 stdin: "Dear Customer,\n\nKind regards,\nThe Team\n")
        #expect(formal.status == 1 && formal.stderr.contains("[greeting]") && formal.stderr.contains("message not queued"))
        let noneYet = try #require(try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [[String: Any]])
        #expect(noneYet.isEmpty, "a refused message opens no conversation")

        let queued = try cli.run(["compose", "--to", "DANA@x.org", "--subject", "Your new card", "--agent", "sam"], stdin: text)
        #expect(queued.status == 0 && queued.stdout.contains("to dana@x.org in new conversation"), "\(queued.stderr)")

        let folder = cli.home
        let sent = folder + "/sent.eml", sendmail = folder + "/sendmail"
        try "#!/bin/sh\ncat > \"\(sent)\"\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        let send = try cli.run(["send", "--sendmail", sendmail])
        #expect(send.status == 0, "\(send.stderr)")
        let mail = try String(contentsOfFile: sent, encoding: .utf8)
        #expect(mail.contains("Subject: Your new card\n") || mail.contains("Subject: Your new card\r\n"), "\(mail)")
        #expect(!mail.contains("In-Reply-To") && !mail.contains("Re: "), "\(mail)")
        #expect(mail.contains("To: ") && mail.contains("dana@x.org") && mail.contains("Hi Dana,"), "\(mail)")
        let rows = try #require(try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["subject"] as? String == "Your new card" && rows[0]["status"] as? String == "pending")
    }

    /// `--attach` on compose and reply: the files are checked, stored with the message, and go out as
    /// attachments that the real parser (and Python's, through `parse-oracle`'s shape) reads back.
    @Test(arguments: Backend.available)
    func filesAttachedOnTheCommandLineGoOutWithTheMessage(_ backend: Backend) throws {
        let cli = try RapportBinary.withTeam(backend)
        try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dana@x.org", "--owner", "sam",
                     "--existing", "--agent", "sam"])
        let folder = cli.home
        let quote = folder + "/Quote März.pdf", empty = folder + "/empty.txt"
        try Data("%PDF-1.4 the quote".utf8).write(to: URL(fileURLWithPath: quote))
        try Data().write(to: URL(fileURLWithPath: empty))
        let text = "Hi Dana,\n\nThe quote is attached.\n\nSam\n"
        let missing = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Quote", "--attach", folder + "/nope.pdf", "--agent", "sam"],
                                  stdin: text)
        #expect(missing.status == 1 && missing.stderr.contains("no file at"), "\(missing.stderr)")
        let nothing = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Quote", "--attach", empty, "--agent", "sam"], stdin: text)
        #expect(nothing.status == 1 && nothing.stderr.contains("empty.txt is empty"), "\(nothing.stderr)")
        #expect((try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [Any])?.isEmpty == true, "nothing opened")

        let queued = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Quote", "--attach", quote, "--agent", "sam"], stdin: text)
        #expect(queued.status == 0, "\(queued.stderr)")
        // The file may change or go after queueing: what was queued is what goes out.
        try FileManager.default.removeItem(atPath: quote)
        let sent = folder + "/sent.eml", sendmail = folder + "/sendmail"
        try "#!/bin/sh\ncat > \"\(sent)\"\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        #expect(try cli.run(["send", "--sendmail", sendmail]).status == 0)
        let parsed = try #require(try cli.run(["parse", "--json", sent]).json as? [String: Any])
        let files = try #require(parsed["attachments"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["filename"] as? String == "Quote März.pdf" && files[0]["content_type"] as? String == "application/pdf")
        #expect(files[0]["size"] as? Int == 18)
        #expect((parsed["text"] as? String)?.hasPrefix("Hi Dana,") == true)
        // The thread lists it on our message.
        let shown = try #require(try cli.run(["show", "1", "--json", "--agent", "sam"]).json as? [String: Any])
        let messages = try #require(shown["messages"] as? [[String: Any]])
        let listed = try #require(messages.last?["attachments"] as? [[String: Any]])
        #expect(listed.first?["filename"] as? String == "Quote März.pdf", "\(listed)")
    }
}
