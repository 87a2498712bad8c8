import Foundation
import Testing

/// Text from customers never reaches the user's terminal unsanitised, from the CLI either.
@Suite struct HostileTextTests {
    @Test func escapeSequencesInANameArePrintedAsPictures() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = (cli.store as NSString).deletingLastPathComponent + "/hostile"
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        // An OSC title-setting sequence and a bidi override, hidden in an RFC 2047 display name and subject.
        let message = """
            From: =?UTF-8?Q?Eve=1B]0;pwned=07_Mallory?= <eve@x.org>
            To: sam@example.com
            Subject: =?UTF-8?Q?Invoice_=E2=80=AEfdp.exe?=
            Message-ID: <hostile-1@x.org>
            Date: Sun, 22 Nov 2026 10:00:00 +0000

            Hello\u{1B}[2J there

            """
        try message.write(toFile: maildir + "/new/1.eml", atomically: true, encoding: .utf8)
        #expect(try cli.run(["ingest", maildir]).status == 0)
        for args in [["customer", "list"], ["conversations", "--agent", "sam"]] {
            let out = try cli.run(args).stdout
            #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(args)")
            #expect(out.contains("Eve␛]0") && out.contains("pwned␇"), "\(args): \(out)")
        }
        // JSON keeps the stored text exactly (escaped by the encoder), for scripts.
        let json = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        #expect(json.contains { ($0["first_name"] as? String)?.contains("\u{1B}") == true })
    }

    @Test func rapportReplyAppliesTheReplyPolicyLikeTheComposer() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let rows = try #require(try cli.run(["conversations", "--mine", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let dana = try #require(rows.first { $0["customer_name"] as? String == "Dana Whitfield" })
        let id = try #require(dana["id"] as? Int)
        let formal = "Dear Mrs. Whitfield,\n\nWe have received your request.\n\nBest regards,\nSam Ortiz\nAccount Manager\n"
        let refused = try cli.run(["reply", String(id), "--agent", "sam", "--text", formal])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[greeting]") && refused.stderr.contains("not queued"))
        let personal = "Hi Dana,\n\nYes, the bike in the shed is covered.\n\nSam\n"
        #expect(try cli.run(["reply", String(id), "--agent", "sam", "--text", personal]).status == 0)
    }
}
