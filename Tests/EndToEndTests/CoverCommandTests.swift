import Foundation
import Testing

/// `rapport away`, `back`, `lint --agent` the coverer, `note` and `for-you` through the real binary.
@Suite("rapport away, back, note, for-you")
struct CoverCommandTests {
    /// Tom is Sam's existing customer; a week from now, as a day.
    func team(_ backend: Backend) throws -> (RapportBinary, String) {
        let cli = try RapportBinary.withTeam(backend)
        try cli.run(["customer", "add", "--first", "Tom", "--last", "Whitfield", "--email", "tom@example.org",
                     "--owner", "sam", "--existing", "--agent", "sam"])
        let day = Date().addingTimeInterval(7 * 86_400)
            .formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
        return (cli, day)
    }

    @Test(arguments: Backend.available)
    func awayListsAndBackEnds(_ backend: Backend) throws {
        let (cli, day) = try team(backend)
        #expect(try cli.run(["away"]).stdout == "Nobody is away.\n")
        let set = try cli.run(["away", "sam", "--until", day, "--cover", "priya", "--agent", "sam"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "sam is away until \(day); priya covers for them\n")
        let listed = try cli.run(["away", "--json"])
        let rows = try #require(listed.json as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(Set(rows[0].keys) == ["login", "until", "cover", "set_by", "since"])
        #expect(rows[0]["login"] as? String == "sam" && rows[0]["cover"] as? String == "priya")
        #expect(try cli.run(["away", "priya", "--until", day, "--cover", "sam", "--agent", "priya"]).status == 1,
                "a coverer going away too leaves nobody")
        #expect(try cli.run(["away", "sam", "--until", "soon", "--cover", "priya"]).status == 2)
        #expect(try cli.run(["away", "sam", "--cover", "priya"]).status == 2)
        #expect(try cli.run(["back", "sam"]).status == 0)
        #expect(try cli.run(["back", "sam"]).status == 1)
        #expect(try cli.run(["away"]).stdout == "Nobody is away.\n")
    }

    @Test(arguments: Backend.available)
    func lintAppliesTheCoverRuleToTheCoverer(_ backend: Backend) throws {
        let (cli, day) = try team(backend)
        try cli.run(["away", "sam", "--until", day, "--cover", "priya", "--agent", "sam"])
        let plain = "Hi Tom,\n\nAll fixed.\n\nPriya\n"
        let refused = try cli.run(["lint", "--customer", "tom@example.org", "--agent", "priya", "--json", "-"], stdin: plain)
        #expect(refused.status == 1)
        let rules = try #require((refused.json as? [String: Any])?["violations"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        #expect(rules == ["cover"])
        let told = "Hi Tom,\n\nSam is away until \(day), so I'm looking after this for you. All fixed.\n\nPriya\n"
        #expect(try cli.run(["lint", "--customer", "tom@example.org", "--agent", "priya", "-"], stdin: told).status == 0)
        // Sam himself, and anyone not covering, are not asked for it.
        #expect(try cli.run(["lint", "--customer", "tom@example.org", "--agent", "sam", "-"],
                            stdin: "Hi Tom,\n\nAll fixed.\n\nSam\n").status == 0)
    }

    @Test(arguments: Backend.available)
    func forYouListsATakeoverWithTheNote(_ backend: Backend) throws {
        let (cli, _) = try team(backend)
        #expect(try cli.run(["for-you", "--agent", "sam"]).stdout == "Nothing for you.\n")
        try cli.run(["assign", "tom@example.org", "priya", "--note", "Tom asked for me", "--agent", "priya"])
        let listed = try cli.run(["for-you", "--agent", "sam", "--json", "--mark-read"])
        let items = try #require(listed.json as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["kind"] as? String == "takeover" && items[0]["text"] as? String == "Tom asked for me")
        #expect(items[0]["unread"] as? Bool == true && items[0]["to"] as? String == "priya")
        let again = try #require(try cli.run(["for-you", "--agent", "sam", "--json"]).json as? [[String: Any]])
        #expect(again.first?["unread"] as? Bool == false)
        #expect(try cli.run(["for-you", "--agent", "priya"]).stdout == "Nothing for you.\n", "her own takeover is no news to her")
    }

    @Test(arguments: Backend.available)
    func aNoteFromTheCommandLineTellsTheAgentsItMentions(_ backend: Backend) throws {
        let (cli, _) = try team(backend)
        let queued = try cli.run(["compose", "--to", "tom@example.org", "--subject", "Your claim", "--agent", "sam"],
                                 stdin: "Hi Tom,\n\nYour claim is in.\n\nSam\n")
        #expect(queued.status == 0, "\(queued.stderr)")
        let added = try cli.run(["note", "1", "--agent", "sam"], stdin: "@Priya can you check the claim while I'm out?\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("note ") && added.stdout.hasSuffix(" added to conversation 1; told priya\n"), "\(added.stdout)")
        let items = try #require(try cli.run(["for-you", "--agent", "priya", "--json"]).json as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["kind"] as? String == "mention" && items[0]["by"] as? String == "sam")
        #expect(items[0]["text"] as? String == "@Priya can you check the claim while I'm out?")
        // Never sent: nothing new in the outbox; the thread holds it as a note.
        #expect((try cli.run(["outbox", "--json"]).json as? [Any])?.count == 1)
        let empty = try cli.run(["note", "1", "--text", "  ", "--agent", "sam"])
        #expect(empty.status == 1 && empty.stderr.contains("a note needs some text"), "\(empty.stderr)")
        #expect(try cli.run(["note", "99", "--text", "hello", "--agent", "sam"]).status == 1)
    }
}
