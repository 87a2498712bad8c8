import Foundation
import Testing
import TestSupport

/// Setting up from zero as docs/setup.md says: `rapport init` and its next steps, `rapport init --config`,
/// and the documented msmtp configuration sending a reply to a local SMTP server.
@Suite(.serialized) struct SetupTests {
    static let setupGuide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/setup.md")

    @Test("rapport init prints the next steps; init --config writes a commented config once and never overwrites it")
    func initAndConfig() throws {
        let cli = RapportBinary()
        let made = try cli.run(["init"])
        #expect(made.status == 0)
        #expect(made.stdout.contains("Next steps:"))
        #expect(made.stdout.contains("rapport agent add --login"))
        #expect(made.stdout.contains("rapport init --config"))
        #expect(made.stdout.contains("rapport sync"))
        #expect(made.stdout.contains("docs/setup.md"))

        let file = try #require(cli.environment["XDG_CONFIG_HOME"]) + "/rapport/config.toml"
        let written = try cli.run(["init", "--config"])
        #expect(written.status == 0 && written.stdout.contains("Wrote \(file)"), "\(written.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("# maildirs = [\"~/Maildir/support\"]") && text.contains("legal_footer"))
        let reads = try cli.run(["outbox"])   // reads the config: a broken one would stop it
        #expect(reads.status == 0, "the written config is valid: \(reads.stderr)")

        try (text + "# my edit\n").write(toFile: file, atomically: true, encoding: .utf8)
        let again = try cli.run(["init", "--config"])
        #expect(again.status == 1 && again.stderr.contains("already exists; nothing was changed"), "\(again.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("# my edit\n"))
        #expect(try cli.run(["init"]).stdout.contains("Check your config (\(file))"))
    }

    /// The msmtp configuration block of docs/setup.md, as a team would copy it.
    func documentedMsmtpConfig() throws -> String {
        let guide = try String(contentsOf: Self.setupGuide, encoding: .utf8)
        let marker = try #require(guide.range(of: "<!-- tested: SetupTests"))
        let fenceStart = try #require(guide.range(of: "```\n", range: marker.upperBound..<guide.endIndex))
        let fenceEnd = try #require(guide.range(of: "\n```", range: fenceStart.upperBound..<guide.endIndex))
        return String(guide[fenceStart.upperBound..<fenceEnd.lowerBound])
    }

    @Test("the msmtp configuration of docs/setup.md sends a reply as its agent to an SMTP server")
    func documentedMsmtpRecipe() throws {
        let cli = try RapportBinary.withDemo()   // agents of harborlane.example
        let server = try LoopbackSMTP(maildir: cli.folder.url.appendingPathComponent("received").path)
        defer { server.stop() }
        // The team's domain and server; the local server has no TLS and no login, so the command line turns them off.
        let msmtpConfig = try documentedMsmtpConfig()
            .replacingOccurrences(of: "smtp.example.com", with: "127.0.0.1")
            .replacingOccurrences(of: "port           587", with: "port           \(server.port)")
            .replacingOccurrences(of: "*@example.com", with: "*@harborlane.example")
        #expect(msmtpConfig.contains("from           *@harborlane.example"))
        let configHome = try #require(cli.environment["XDG_CONFIG_HOME"])
        try FileManager.default.createDirectory(atPath: configHome + "/msmtp", withIntermediateDirectories: true)
        try msmtpConfig.write(toFile: configHome + "/msmtp/config", atomically: true, encoding: .utf8)
        chmod(configHome + "/msmtp/config", 0o600)
        try FileManager.default.createDirectory(atPath: configHome + "/rapport", withIntermediateDirectories: true)
        try "[mail]\nsendmail = [\"msmtp\", \"-t\", \"--read-envelope-from\", \"--tls=off\", \"--auth=off\"]\n"
            .write(toFile: configHome + "/rapport/config.toml", atomically: true, encoding: .utf8)

        _ = try SyncTests().queuedReply(cli)
        let sent = try cli.run(["send"])
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        let received = try #require(server.received().first)
        #expect(received.contains("From: Sam "), "\(received)")
        #expect(received.contains("<sam@harborlane.example>"))
        #expect(received.contains("All sorted."))
    }
}
