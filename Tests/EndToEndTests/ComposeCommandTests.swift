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
}
