import Foundation
import Testing

/// The relationship workflows through the real binary and a real store file.
@Suite struct WorkflowCommandTests {
    func team(_ backend: Backend = .sqlite) throws -> RapportBinary {
        let cli = try RapportBinary.withTeam(backend)
        try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dana@x.org", "--owner", "priya",
                     "--existing", "--agent", "sam"])
        try cli.run(["customer", "add", "--first", "Marcus", "--last", "Lee", "--email", "marcus@x.org"])
        return cli
    }

    func write(_ text: String, in cli: RapportBinary, as name: String) throws -> String {
        let path = cli.home + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: Backend.available)
    func referralRecordPreparesAThankYouAndListsIt(_ backend: Backend) throws {
        let cli = try team(backend)
        let usage = try cli.run(["referral", "record", "marcus@x.org"])
        #expect(usage.status == 2)
        let recorded = try cli.run(["referral", "record", "marcus@x.org", "--by", "dana@x.org", "--coupon", "FRIEND10"])
        #expect(recorded.status == 0 && recorded.stdout.contains("priya's Thank-you view"))
        let list = try #require(try cli.run(["referral", "list", "--unthanked", "--json"]).json as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list[0]["customer"] as? String == "marcus@x.org" && list[0]["referrer"] as? String == "dana@x.org")
        #expect(list[0]["coupon"] as? String == "FRIEND10" && list[0]["thanked"] as? Bool == false)
        #expect(try cli.run(["referral", "record", "ghost@x.org", "--source", "radio"]).status == 1)
    }

    @Test(arguments: Backend.available)
    func headsUpImportIsAllOrNothingWithLineNumbers(_ backend: Backend) throws {
        let cli = try team(backend)
        let bad = try write("""
            email,kind,effective_date,details
            dana@x.org,rate-increase,2030-03-01,Premiums rise 6%
            ghost@x.org,fee,2030-03-01,
            marcus@x.org,fee,03/01/2030,
            """, in: cli, as: "bad.csv")
        let refused = try cli.run(["headsup", "import", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 3:") && refused.stderr.contains("line 4:") && refused.stderr.contains("nothing imported"))
        #expect((try cli.run(["headsup", "status", "--json"]).json as? [Any])?.isEmpty == true)

        let partial = try cli.run(["headsup", "import", bad, "--skip-bad", "--json"])
        #expect(partial.status == 0)
        let summary = try #require(partial.json as? [String: Any])
        #expect(summary["created"] as? Int == 1 && (summary["failed"] as? [Any])?.count == 2)
        let again = try #require(try cli.run(["headsup", "import", bad, "--skip-bad", "--json"]).json as? [String: Any])
        #expect(again["created"] as? Int == 0, "importing the same file twice creates nothing new")
        let status = try #require(try cli.run(["headsup", "status", "--json"]).json as? [[String: Any]])
        #expect(status.count == 1 && status[0]["kind"] as? String == "rate-increase" && status[0]["pending"] as? Int == 1)
        #expect(status[0]["effective_date"] as? String == "2030-03-01")

        let broken = try write("email,kind\n\"dana@x.org,fee\n", in: cli, as: "broken.csv")
        let malformed = try cli.run(["headsup", "import", broken])
        #expect(malformed.status == 1 && malformed.stderr.contains("line"))
    }

    @Test func customerImportNeverChangesAnOwnerSilently() throws {
        let cli = try team()
        let file = try write("""
            first_name,last_name,email,owner,existing,email2
            Dana,Whitfield,dana@x.org,sam,yes,dana@bakery.example
            Nina,Berg,nina@x.org,sam,no,
            """, in: cli, as: "book.csv")
        let refused = try cli.run(["customer", "import", file, "--agent", "sam"])
        #expect(refused.status == 1 && refused.stderr.contains("line 2:") && refused.stderr.contains("--reassign"))
        #expect((try cli.run(["customer", "list", "--json"]).json as? [Any])?.count == 2)
        let done = try cli.run(["customer", "import", file, "--reassign", "--agent", "sam", "--json"])
        #expect(done.status == 0)
        #expect((done.json as? [String: Any])?["added"] as? Int == 1)
        let log = try #require(try cli.run(["log", "dana@bakery.example", "--json"]).json as? [[String: Any]])
        #expect(log.last?["to"] as? String == "sam" && log.last?["note"] as? String == "import")
    }

    @Test func statsAndQuietPrintJSON() throws {
        let cli = try team()
        let stats = try #require(try cli.run(["stats", "--json"]).json as? [String: Any])
        let agents = try #require(stats["agents"] as? [[String: Any]])
        #expect(agents.map { $0["login"] as? String } == ["priya", "sam"])
        #expect(agents[0]["customers_owned"] as? Int == 1 && agents[0]["median_first_reply_seconds"] is NSNull)
        #expect((stats["team"] as? [String: Any])?["customers_owned"] as? Int == 1)
        let quiet = try cli.run(["quiet", "--agent", "priya", "--days", "0", "--json"])
        #expect(quiet.status == 0)
    }
}
