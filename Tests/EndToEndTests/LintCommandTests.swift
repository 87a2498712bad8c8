import Foundation
import Testing

/// `rapport lint` through the real binary: exit statuses and the JSON contract.
@Suite("rapport lint")
struct LintCommandTests {
    static let corporate = """
    Dear Mr. Whitfield,

    Thank you for your message. I have corrected the billing address on your policy.

    Best regards,
    Sam Ortiz
    Account Manager
    Acme Insurance LLC
    +1 555 013 4222
    """

    func team() throws -> RapportBinary {
        let cli = try RapportBinary.withTeam()
        try cli.run(["customer", "add", "--first", "Tom", "--last", "Whitfield", "--email", "tom@example.org",
                     "--owner", "sam", "--existing", "--agent", "sam"])
        try cli.run(["customer", "add", "--first", "Pat", "--last", "Lee", "--email", "pat@example.org"])
        return cli
    }

    func write(_ text: String, in cli: RapportBinary) throws -> String {
        let path = (cli.store as NSString).deletingLastPathComponent + "/draft-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func corporateReplyToAnExistingCustomerBlocks() throws {
        let cli = try team()
        let file = try write(Self.corporate, in: cli)
        let result = try cli.run(["lint", "--customer", "tom@example.org", "--json", file])
        #expect(result.status == 1)
        let json = try #require(result.json as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        #expect(json["existing"] as? Bool == true)
        let violations = try #require(json["violations"] as? [[String: Any]])
        #expect(Set(violations.compactMap { $0["rule"] as? String }) == ["greeting", "signoff", "signature"])
        let first = try #require(violations.first)
        #expect(first["line"] as? Int == 1)
        #expect(first["severity"] as? String == "block")
        #expect((first["message"] as? String)?.contains("Hi Tom,") == true)
        #expect(Set(first.keys) == ["rule", "line", "severity", "message"])
    }

    @Test func compliantReplyFromStandardInputPasses() throws {
        let cli = try team()
        let result = try cli.run(["lint", "--customer", "tom@example.org", "-"], stdin: "Hi Tom,\n\nAll fixed.\n\nThanks,\nSam\n")
        #expect(result.status == 0)
        #expect(result.stdout == "<stdin>: ok\n")
        let json = try cli.run(["lint", "--customer", "TOM@example.org", "--json", "-"], stdin: "Hi Tom,\n\nAll fixed.\n\nSam\n")
        #expect(json.status == 0)
        let doc = try #require(json.json as? [String: Any])
        #expect(doc["ok"] as? Bool == true)
        #expect((doc["violations"] as? [Any])?.isEmpty == true)
    }

    @Test func humanOutputNamesFileLineRuleAndSeverity() throws {
        let cli = try team()
        let file = try write("Hi Tom,\n\nAll fixed.\n\nSam Ortiz\n", in: cli)
        let result = try cli.run(["lint", "--customer", "tom@example.org", file])
        #expect(result.status == 1)
        #expect(result.stdout == "\(file):5: block [signoff] Signed with your full name; sign with your first name alone: \"Sam\".\n")
    }

    @Test func warningsAloneDoNotFail() throws {
        let cli = try team()
        let result = try cli.run(["lint", "--customer", "pat@example.org", "--agent", "sam", "--json", "-"],
                                 stdin: "Hi Pat,\n\nWelcome aboard.\n\nSam Ortiz\nsam@example.com\n")
        #expect(result.status == 0)
        let doc = try #require(result.json as? [String: Any])
        #expect(doc["ok"] as? Bool == true)
        #expect(doc["existing"] as? Bool == false)
        let violations = try #require(doc["violations"] as? [[String: Any]])
        #expect(violations.map { $0["rule"] as? String } == ["referral-question"])
        #expect(violations.first?["severity"] as? String == "warn")
    }

    @Test func theOwnerSignsWhenNoAgentIsGiven() throws {
        let cli = try team()
        // Tom is Sam's customer; $USER is not an agent here, so the owner is the signer.
        #expect(try cli.run(["lint", "--customer", "tom@example.org", "-"], stdin: "Hi Tom,\n\nDone.\n\nSam\n").status == 0)
        // Signed by Priya, "Sam" is the wrong name.
        #expect(try cli.run(["lint", "--customer", "tom@example.org", "--agent", "priya", "-"], stdin: "Hi Tom,\n\nDone.\n\nSam\n").status == 1)
    }

    @Test("bad usage and unknown people exit 2", arguments: [
        ["lint", "--customer", "ghost@example.org", "-"],
        ["lint", "--customer", "tom@example.org", "--agent", "ghost", "-"],
        ["lint", "--customer", "tom@example.org", "/nonexistent/draft.txt"],
        ["lint", "--customer", "tom@example.org"],
        ["lint", "-"],
    ])
    func usageErrors(arguments: [String]) throws {
        let cli = try team()
        let result = try cli.run(arguments, stdin: "Hi Tom,\n\nSam\n")
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test func wordLimitComesFromTheConfigFile() throws {
        let cli = try team()
        let dir = try #require(cli.environment["XDG_CONFIG_HOME"]) + "/rapport"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "[policy]\nmax_words = 3\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        let result = try cli.run(["lint", "--customer", "tom@example.org", "-"], stdin: "Hi Tom,\n\nIt is all done now.\n\nSam\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("[length] The reply is 5 words"))

        try "[policy]\nmax_words = = 3\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        let broken = try cli.run(["lint", "--customer", "tom@example.org", "-"], stdin: "Hi Tom,\n\nSam\n")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("config.toml:2"))
    }
}

/// `rapport templates check` names each template that cannot be used, by file and line, and loads the rest.
@Suite struct TemplatesCheckTests {
    @Test func aHostileUserTemplateIsReportedAndTheOthersStillLoad() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["templates", "check"]).status == 0)
        let mine = URL(fileURLWithPath: cli.environment["XDG_CONFIG_HOME"]!).appendingPathComponent("rapport/templates")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try ("---\nname: deep\n---\n" + String(repeating: "{{#a}}", count: 3_000) + String(repeating: "{{/a}}", count: 3_000))
            .write(to: mine.appendingPathComponent("deep.mustache"), atomically: true, encoding: .utf8)
        let result = try cli.run(["templates", "check", "--json"])
        #expect(result.status == 1)
        let json = try #require(result.json as? [String: Any])
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect((problems.first?["path"] as? String)?.hasSuffix("deep.mustache") == true)
        #expect(problems.first?["line"] as? Int == 4)
        let names = (json["templates"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("reply-short") && names.contains("headsup-fee"))
        // Every other command that loads templates goes on working.
        let lint = try cli.run(["templates", "check"])
        #expect(lint.stderr.contains("deep.mustache:4: sections nested more than 32 deep"))
    }
}
