import Foundation
import Testing

/// Two agents: separate processes on one store (a file on one host, or a PostgreSQL database).
@Suite struct TwoProcessTests {
    /// Both processes try to take the same unassigned customers at once, without a note.
    /// Exactly one wins each customer; the other is refused (the customer now has an owner,
    /// so taking them needs a handoff note), and the log holds exactly one entry each.
    @Test(arguments: Backend.available)
    func racingAssignmentsNeverGiveTwoOwners(_ backend: Backend) throws {
        let cli = try RapportBinary.withTeam(backend)
        let emails = (0..<12).map { "c\($0)@example.org" }
        for email in emails { try cli.run(["customer", "add", "--first", "C", "--email", email]) }
        // For each customer, both agents' processes start together and race for the write lock.
        var results: [String: [Int32]] = ["sam": [], "priya": []]
        for email in emails {
            let running = ["sam", "priya"].map { agent in (agent, cli.launch(["assign", email, agent, "--agent", agent])) }
            for (agent, (process, out, err)) in running {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                _ = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                results[agent]!.append(process.terminationStatus)
            }
        }
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        for (index, email) in emails.enumerated() {
            let wins = ["sam", "priya"].filter { results[$0]?[index] == 0 }
            #expect(wins.count == 1, "\(email): winners \(wins)")
            let refusals = ["sam", "priya"].filter { results[$0]?[index] == 1 }
            #expect(refusals.count == 1)
            let owner = customers.first { $0["email"] as? String == email }?["owner"] as? String
            #expect(owner == wins.first)
            let log = try #require(try cli.run(["log", email, "--json"]).json as? [[String: Any]])
            #expect(log.count == 1)
        }
    }

    /// Four agents' processes take (with and without a handoff note) and unassign the same three customers,
    /// started four at a time for a fixed number of rounds. Afterwards each customer's log replays from
    /// nobody to their owner now (one owner at every moment, no two changes from the same state), it holds
    /// one entry per successful command, and every failure is an expected refusal, never a store error.
    /// (`scripts/race` runs the same for a minute.)
    @Test(arguments: Backend.available)
    func takingAndUnassigningAtOnceKeepsOneOwnerAndALogThatReplays(_ backend: Backend) throws {
        let cli = try RapportBinary.withTeam(backend)
        let agents = ["sam", "priya", "lee", "kai"]
        for agent in agents.dropFirst(2) {
            _ = try cli.run(["agent", "add", "--login", agent, "--first", agent.capitalized, "--email", "\(agent)@example.com"])
        }
        let emails = (0..<3).map { "r\($0)@example.org" }
        for email in emails { #expect(try cli.run(["customer", "add", "--first", "R", "--email", email]).status == 0) }
        let expected = ["taking them over needs a handoff note", "is already looked after by", "is already unassigned"]
        var successes: [String: Int] = [:]
        var refusals = 0
        for round in 0..<10 {
            let running = agents.enumerated().map { index, agent in
                let email = emails[(round + index) % emails.count]
                let arguments = switch (round * 5 + index) % 3 {
                case 0: ["assign", email, agent, "--note", "round \(round)"]
                case 1: ["assign", email, agent]
                default: ["unassign", email, "--note", "round \(round)"]
                }
                return (email, arguments, cli.launch(arguments + ["--agent", agent]))
            }
            for (email, arguments, (process, out, err)) in running {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    successes[email, default: 0] += 1
                } else {
                    #expect(process.terminationStatus == 1 && expected.contains { stderr.contains($0) },
                            "\(arguments): unexpected failure \(process.terminationStatus): \(stderr)")
                    refusals += 1
                }
            }
        }
        #expect(refusals > 0 && successes.values.reduce(0, +) > 0, "the rounds both changed owners and were refused")
        let customers = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        for email in emails {
            let log = try #require(try cli.run(["log", email, "--json"]).json as? [[String: Any]])
            var owner: String?
            for (index, entry) in log.enumerated() {
                #expect(entry["from"] as? String == owner, "\(email): entry \(index) changes from \(entry["from"] ?? "nobody"), not \(owner ?? "nobody")")
                owner = entry["to"] as? String
            }
            #expect(owner == customers.first { $0["email"] as? String == email }?["owner"] as? String, "\(email): the log ends elsewhere")
            #expect(log.count == successes[email, default: 0], "\(email): one entry per successful command")
        }
    }
}
