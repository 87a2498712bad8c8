import Foundation
import Testing

/// The command-line contract of DESIGN.md: JSON shapes, exit statuses, refusals that write nothing.
@Suite struct CommandLineContractTests {
    @Test func agentsAndCustomersRoundTripAsJSON() throws {
        let cli = try RapportBinary.withTeam()
        let agents = try #require(try cli.run(["agent", "list", "--json"]).json as? [[String: Any]])
        #expect(agents.map { $0["login"] as? String } == ["priya", "sam"])
        #expect(agents[1]["first_name"] as? String == "Sam" && agents[1]["email"] as? String == "sam@example.com")

        #expect(try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dana@example.org",
                             "--owner", "sam", "--existing", "--agent", "sam"]).status == 0)
        #expect(try cli.run(["customer", "add", "--first", "Marcus", "--email", "marcus@example.org"]).status == 0)
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        #expect(customers.count == 2)
        let dana = try #require(customers.first { $0["email"] as? String == "dana@example.org" })
        #expect(dana["first_name"] as? String == "Dana" && dana["last_name"] as? String == "Whitfield")
        #expect(dana["owner"] as? String == "sam" && dana["existing"] as? Bool == true)
        let marcus = try #require(customers.first { $0["email"] as? String == "marcus@example.org" })
        #expect(marcus["owner"] is NSNull, "an unassigned customer shows owner null")
        let unassigned = try #require(try cli.run(["customer", "list", "--unassigned", "--json"]).json as? [[String: Any]])
        #expect(unassigned.map { $0["email"] as? String } == ["marcus@example.org"])
    }

    /// `--version` answers without a store; an agent's last name may be left out.
    @Test func versionAndAnAgentWithoutALastName() throws {
        let cli = RapportBinary()
        let version = try cli.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("rapport ") && version.stderr.isEmpty)
        _ = try cli.run(["init"])
        #expect(try cli.run(["agent", "add", "--login", "ana", "--first", "Ana", "--email", "ana@example.com"]).status == 0)
        let agents = try #require(try cli.run(["agent", "list", "--json"]).json as? [[String: Any]])
        #expect(agents.first?["last_name"] as? String == "")
        let help = try cli.run(["agent", "add", "--help"]).stdout
        for option in ["--login", "--first", "--last", "--email"] {
            let line = help.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") }
            #expect((line?.count ?? 0) > 30, "\(option) has help text")
        }
    }

    @Test func assignAndLogRoundTrip() throws {
        let cli = try RapportBinary.withTeam()
        try cli.run(["customer", "add", "--first", "Dana", "--email", "dana@example.org"])
        #expect(try cli.run(["assign", "dana@example.org", "sam", "--agent", "priya"]).status == 0)
        let refused = try cli.run(["assign", "dana@example.org", "priya", "--agent", "priya"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("handoff note"))
        #expect(try cli.run(["assign", "dana@example.org", "priya", "--agent", "priya", "--note", "Sam is on leave"]).status == 0)
        #expect(try cli.run(["unassign", "dana@example.org", "--note", "Priya moves teams", "--agent", "priya"]).status == 0)
        let log = try #require(try cli.run(["log", "dana@example.org", "--json"]).json as? [[String: Any]])
        #expect(log.count == 3)
        #expect(log[0]["from"] is NSNull && log[0]["to"] as? String == "sam" && log[0]["by"] as? String == "priya")
        #expect(log[1]["from"] as? String == "sam" && log[1]["to"] as? String == "priya")
        #expect(log[1]["note"] as? String == "Sam is on leave")
        #expect(log[2]["to"] is NSNull)
        #expect((log[0]["at"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func exitStatusesFollowTheContract() throws {
        let cli = try RapportBinary.withTeam()
        // 2: bad usage.
        #expect(try cli.run(["assign"]).status == 2)
        #expect(try cli.run(["conversations", "--status", "snoozing", "--agent", "sam"]).status == 2)
        #expect(try cli.run(["customer", "list", "--owner", "sam", "--unassigned"]).status == 2)
        #expect(try cli.run(["no-such-command"]).status == 2)
        // 1: refused, with the reason on stderr and nothing written.
        let before = try cli.run(["customer", "list", "--json"]).stdout
        let unknown = try cli.run(["assign", "ghost@example.org", "sam", "--agent", "sam"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown customer"))
        let agent = try cli.run(["conversations"])   // $USER is not an agent
        #expect(agent.status == 1 && agent.stderr.contains("known agents: priya, sam"))
        let noReply = try cli.run(["agent", "add", "--login", "bot", "--first", "B", "--last", "T", "--email", "noreply@example.com"])
        #expect(noReply.status == 1 && noReply.stderr.contains("no-reply"))
        #expect(try cli.run(["customer", "add", "--first", "X", "--email", "x@example.org", "--owner", "ghost", "--agent", "sam"]).status == 1)
        #expect(try cli.run(["customer", "list", "--json"]).stdout == before)
        // 0: help.
        #expect(try cli.run(["--help"]).status == 0)
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndKept() throws {
        let cli = RapportBinary()
        let path = (cli.store as NSString).deletingLastPathComponent + "/notes.txt"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "not a database".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run(["init", "--store", path])
        #expect(result.status == 1 && result.stderr.contains("not a Rapport store"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database")
    }

    @Test func demoStoreGivesEveryCustomerAtMostOneOwner() throws {
        let cli = RapportBinary()
        let seeded = try cli.run(["demo", "--seed-only", "--store", cli.store])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        #expect(customers.count >= 40)
        #expect(customers.allSatisfy { $0["owner"] is String || $0["owner"] is NSNull })
        #expect(customers.contains { $0["owner"] is NSNull })
        #expect(customers.contains { ($0["addresses"] as? [String])?.count == 2 })
        #expect(customers.contains { $0["existing"] as? Bool == false })
        #expect(customers.contains { $0["referred_by"] is String })
        let conversations = try #require(try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [[String: Any]])
        #expect(conversations.count >= 120)
        let statuses = Set(conversations.compactMap { $0["status"] as? String })
        #expect(statuses == ["open", "pending", "closed"])
        // This morning's mail came in through the real parser: encoded names decoded, new senders unassigned.
        #expect(seeded.stdout.contains("This morning's mail: 12 messages ingested"))
        let bjorn = customers.first { $0["email"] as? String == "bjorn.lindqvist@post.example" }
        #expect(bjorn?["first_name"] as? String == "Björn" && bjorn?["owner"] is NSNull)
        let maildir = (cli.store as NSString).deletingLastPathComponent + "/demo-maildir"
        let again = try cli.run(["ingest", maildir, "--json"])
        #expect((again.json as? [String: Any])?["ingested"] as? Int == 0, "a second ingest imports nothing twice")
        // Seeding again reuses the store as it is.
        let reseed = try cli.run(["demo", "--seed-only", "--store", cli.store])
        #expect(reseed.stdout.contains("already has data"))
        #expect((try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])?.count == customers.count)
    }
}
