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
}
