import Foundation
import Testing

/// `rapport snooze`, `rapport snoozed`, `rapport reply --remind-days` and `rapport unread` through the real binary.
@Suite struct SnoozeCommandTests {
    func danasConversation(_ backend: Backend) throws -> RapportBinary {
        let cli = try RapportBinary.withTeam(backend)
        try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dana@x.org", "--owner", "sam",
                     "--existing", "--agent", "sam"])
        let text = "Hi Dana,\n\nYour new card is on its way; tell me when it arrives.\n\nSam\n"
        let queued = try cli.run(["compose", "--to", "dana@x.org", "--subject", "Your new card", "--agent", "sam"], stdin: text)
        #expect(queued.status == 0, "\(queued.stderr)")
        return cli
    }

    func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { ISO8601DateFormatter().date(from: $0) }
    }

    @Test(arguments: Backend.available)
    func snoozeTakesAConversationOutOfTheListUntilItsTimeAndSnoozedListsIt(_ backend: Backend) throws {
        let cli = try danasConversation(backend)
        let env = ["TZ": "Europe/Paris"]
        let bad = try cli.run(["snooze", "1", "--until", "someday", "--agent", "sam"], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("cannot read “someday” as a time"), "\(bad.stderr)")
        let past = try cli.run(["snooze", "1", "--until", "2020-01-01", "--agent", "sam"], environment: env)
        #expect(past.status == 1 && past.stderr.contains("not in the future"), "\(past.stderr)")
        #expect(try cli.run(["snooze", "1", "--agent", "sam"]).status == 2, "--until or --off is needed")
        #expect(try cli.run(["snooze", "99", "--until", "3d", "--agent", "sam"]).status == 1)

        let done = try cli.run(["snooze", "1", "--until", "2w", "--agent", "sam"], environment: env)
        #expect(done.status == 0 && done.stdout.contains("snoozed until"), "\(done.stderr)")
        #expect((try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [Any])?.isEmpty == true)
        let listed = try #require(try cli.run(["snoozed", "--json", "--agent", "sam"]).json as? [[String: Any]])
        #expect(listed.count == 1)
        #expect(listed[0]["id"] as? Int == 1 && listed[0]["customer"] as? String == "dana@x.org")
        #expect(listed[0]["owner"] as? String == "sam" && listed[0]["subject"] as? String == "Your new card")
        let until = try #require(date(listed[0]["until"]))
        #expect(abs(until.timeIntervalSinceNow - 14 * 86_400) < 120, "\(until)")

        #expect(try cli.run(["snooze", "1", "--off", "--agent", "sam"]).status == 0)
        #expect((try cli.run(["snoozed", "--json", "--agent", "sam"]).json as? [Any])?.isEmpty == true)
        #expect((try cli.run(["conversations", "--json", "--agent", "sam"]).json as? [Any])?.count == 1)
    }

    @Test(arguments: Backend.available)
    func replyWithRemindDaysSnoozesUntilThen(_ backend: Backend) throws {
        let cli = try danasConversation(backend)
        let reply = try cli.run(["reply", "1", "--remind-days", "3", "--agent", "sam"],
                                stdin: "Hi Dana,\n\nDid the card arrive?\n\nSam\n")
        #expect(reply.status == 0 && reply.stdout.contains("back in your views"), "\(reply.stderr)")
        let listed = try #require(try cli.run(["snoozed", "--json", "--agent", "sam"]).json as? [[String: Any]])
        let until = try #require(date(listed.first?["until"]))
        #expect(abs(until.timeIntervalSinceNow - 3 * 86_400) < 120)
        #expect(try cli.run(["reply", "1", "--remind-days", "0", "--agent", "sam"], stdin: "x").status == 2)
    }

    @Test(arguments: Backend.available)
    func unreadNeedsAKnownConversation(_ backend: Backend) throws {
        let cli = try danasConversation(backend)
        let ok = try cli.run(["unread", "1", "--agent", "sam"])
        #expect(ok.status == 0 && ok.stdout.contains("unread for sam"), "\(ok.stderr)")
        #expect(try cli.run(["unread", "7", "--agent", "sam"]).status == 1)
    }

    @Test(arguments: Backend.available)
    func statsTakesAPeriodOfDaysAndRefusesABadOne(_ backend: Backend) throws {
        let cli = try danasConversation(backend)
        let json = try #require(try cli.run(["stats", "--since", "2026-01-01", "--until", "2099-12-31", "--json"]).json as? [String: Any])
        #expect(json["team"] != nil)
        let bad = try cli.run(["stats", "--since", "yesterday"])
        #expect(bad.status == 2 && bad.stderr.contains("--since must be a date like"), "\(bad.stderr)")
        #expect(try cli.run(["stats", "--since", "2026-12-02", "--until", "2026-12-01"]).status == 2)
    }
}
