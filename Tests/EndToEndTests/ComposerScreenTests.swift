import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The composer in the real inbox, in tmux, on the demo store: drafts that survive SIGKILL, and
/// the "Done when" reply — refused, fixed, queued and delivered through msmtp to a loopback server.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct ComposerScreenTests {
    /// Opens Sam's newest conversation and returns its header (subject · customer · …).
    func openFirstOfMine(_ screen: TmuxScreen) throws -> String {
        try screen.waitFor("Sam · Mine")
        try screen.send("Enter")
        return try screen.waitFor("· Conversation ·")[0]
    }

    /// From an open conversation, `r` and the composer's title.
    func startReply(_ screen: TmuxScreen) throws {
        try screen.send("r")
        try screen.waitFor("Reply to ")
    }

    @Test func aKilledComposerComesBackWithItsDraftAndCursor() throws {
        let cli = try RapportBinary.withDemo()
        var screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"])
        let header = try openFirstOfMine(screen)
        try startReply(screen)
        try screen.send("Hi there friend", literal: true)
        for _ in 0..<6 { try screen.send("Left") }
        try screen.send("X", literal: true)
        // Saved after the last key (the title says so once the store has it), then killed outright.
        try screen.waitFor("the draft with X, saved") { lines in
            lines.contains { $0.contains("Hi there Xfriend") } && lines.contains { $0.contains("draft saved") }
        }
        let pid = try #require(try screen.rapportPID(), "no rapport process in the pane")
        #expect(kill(pid, SIGKILL) == 0)
        try screen.waitFor("the pane to die") { _ in (try? screen.rapportPID()) == nil }

        screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"])
        #expect(try openFirstOfMine(screen) == header)
        try screen.send("r")
        try screen.waitFor("Hi there Xfriend")
        try screen.send("Y", literal: true)             // typed where the cursor was: after the X
        try screen.waitFor("Hi there XYfriend")
    }

    @Test(arguments: Backend.available)
    func aFormalReplyIsRefusedFixedSentAndArrivesFromTheAgent(_ backend: Backend) throws {
        let cli = try RapportBinary.withDemo(backend)
        let home = cli.folder.url
        let server = try LoopbackSMTP(maildir: home.appendingPathComponent("received").path)
        defer { server.stop() }
        let sendmail = try server.msmtpSendmailLine(in: home)
        // Delivery settings come from the config file, as a team would set them.
        let config = try #require(cli.environment["XDG_CONFIG_HOME"]) + "/rapport"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try ("[mail]\n" + sendmail)
            .write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)

        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"])
        let header = try openFirstOfMine(screen)
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        let customer = try #require(customers.first { c in
            header.contains("· \(c["first_name"] as? String ?? "") \(c["last_name"] as? String ?? "") ·")
        }, "customer of: \(header)")
        #expect(customer["existing"] as? Bool == true && customer["owner"] as? String == "sam")
        let first = customer["first_name"] as! String, last = customer["last_name"] as! String

        try startReply(screen)
        for line in ["Dear Mr. \(last),", "", "Yes, that is covered, and nothing changes at renewal.", "",
                     "Best regards,", "Sam Ortiz", "Customer Care Manager", "Harbor Lane Insurance Ltd."] {
            if !line.isEmpty { try screen.send(line, literal: true) }
            if line != "Harbor Lane Insurance Ltd." { try screen.send("Enter") }
        }
        try screen.waitFor("✗ Harbor Lane Insurance Ltd.")
        try screen.send("C-s")
        let refused = try screen.waitFor("Not sent — ")
        let reason = try #require(refused.first { $0.contains("Not sent — ") })
        #expect(reason.contains("greeting (line 1)") && reason.contains("signoff (line 6)") && reason.contains("signature"))

        try screen.send("C-f")
        let fixed = try screen.waitFor("ready to send")
        #expect(fixed.contains { $0.contains("Hi \(first),") })
        #expect(!fixed.contains { $0.contains("Harbor Lane Insurance Ltd.") || $0.contains("Customer Care Manager") })
        #expect(!fixed.contains { $0.hasPrefix("✗") })          // no line is marked any more

        try screen.send("C-s")
        try screen.waitFor("sent to ")
        server.stop()

        let received = server.received()
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mailHeader("From", in: mail)?.contains("<sam@harborlane.example>") == true)
        #expect(mailHeader("Reply-To", in: mail)?.contains("sam@harborlane.example") == true)
        #expect(mailHeader("In-Reply-To", in: mail) != nil)
        #expect(mail.contains("Hi \(first),"))
        #expect(!mail.contains("Customer Care Manager"))
        // Nothing is left for `rapport send`: the inbox delivered it.
        let report = try #require(try cli.run(["send", "--json"]).json as? [String: Any])
        #expect((report["sent"] as? [Any])?.count == 0 && (report["failed"] as? [Any])?.count == 0)
    }

    /// The draft handed to $EDITOR is private from its first byte (a 0700 folder, a 0600 file: no other
    /// local user can open it at any moment), and ends with a newline, so a line the editor appends
    /// does not join the sign-off.
    @Test func theExternalEditorGetsAPrivateFileEndingWithANewline() throws {
        let cli = try RapportBinary.withDemo()
        let home = cli.folder.url
        let seen = home.appendingPathComponent("editor-saw").path
        let editor = home.appendingPathComponent("editor.sh").path
        try """
            #!/bin/sh
            stat -c '%a' "$(dirname "$1")" "$1" > '\(seen)'
            tail -c 1 "$1" | od -An -c >> '\(seen)'
            printf 'P.S. the shed key is under the mat\\n' >> "$1"
            """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let screen = try TmuxScreen.samsInbox(cli, environment: ["EDITOR": editor, "VISUAL": ""])
        try screen.send("Enter")
        try screen.waitFor("· Conversation ·")
        try startReply(screen)
        try screen.send("Hi there", literal: true)
        try screen.send("C-e")
        try screen.waitFor("P.S. the shed key is under the mat")
        let lines = try String(contentsOfFile: seen, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines == ["700", "600", "\\n"])
        #expect(!(try screen.capture()).contains { $0.contains("thereP.S.") })
    }
}
