import Foundation
import Testing

/// The full-screen inbox driven like a person would, in tmux, on a demo store.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct InboxScreenTests {
    /// Customers with their owner, from the CLI (the store's truth).
    func owners(_ cli: RapportBinary) throws -> [(name: String, email: String, owner: String?)] {
        let list = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        return list.map { c in
            let name = [c["first_name"] as? String ?? "", c["last_name"] as? String ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            return (name, c["email"] as? String ?? "", c["owner"] as? String)
        }
    }

    func demo(_ backend: Backend = .sqlite) throws -> (RapportBinary, agent: String) {
        let cli = try RapportBinary.withDemo(backend)
        let agents = try #require(try cli.run(["agent", "list", "--json"]).json as? [[String: Any]])
        return (cli, try #require(agents.first?["login"] as? String))
    }

    /// The demo in the inbox as its first agent (`me`), switched to the Unassigned view: the screen as
    /// shown, and the unassigned customers as the CLI lists them.
    func unassignedView(_ backend: Backend) throws -> (cli: RapportBinary, me: String, screen: TmuxScreen, shown: [String],
                                                       unassigned: [(name: String, email: String, owner: String?)]) {
        let (cli, me) = try demo(backend)
        let screen = try TmuxScreen(cli, ["--agent", me])
        try screen.waitFor("· Mine ·")
        try screen.send("2")
        let shown = try screen.waitFor("· Unassigned ·")
        return (cli, me, screen, shown, try owners(cli).filter { $0.owner == nil })
    }

    /// The first unassigned customer whose name is on the row under the cursor (first list row).
    func customerOnRow(_ screen: [String], row: Int, among customers: [(name: String, email: String, owner: String?)])
        -> (name: String, email: String, owner: String?)? {
        customers.first { screen[row].hasPrefix(" ●" + $0.name) || screen[row].hasPrefix("  " + $0.name) }
    }

    @Test(arguments: Backend.available)
    func moveOpenAssignTakeAndSwitchViewsThenTheCLISeesTheOwners(_ backend: Backend) throws {
        // Unassigned view; move down and up; open the conversation under the cursor.
        let (cli, me, screen, unassignedShown, unassigned) = try unassignedView(backend)
        var shown = unassignedShown
        let first = try #require(customerOnRow(shown, row: 2, among: unassigned), "\(shown.joined(separator: "\n"))")
        try screen.send("j")
        try screen.send("k")
        try screen.send("Enter")
        shown = try screen.waitFor("· Conversation ·")
        #expect(shown[0].contains(first.name))
        try screen.waitFor("Owner: — (unassigned)")
        try screen.send("q")
        try screen.waitFor("· Unassigned ·")

        // Assign through the picker: type part of a name, Enter.
        let team = try #require(try cli.run(["agent", "list", "--json"]).json as? [[String: Any]])
        let other = try #require(team.first { $0["login"] as? String != me })
        let otherLogin = other["login"] as! String, otherFirst = other["first_name"] as! String
        try screen.send("a")
        try screen.waitFor("Assign \(first.name)")
        try screen.send(String(otherFirst.prefix(3)).lowercased(), literal: true)
        try screen.send("Enter")
        try screen.waitFor("\(first.name) is now looked after by \(otherFirst)")
        #expect(try owners(cli).first { $0.email == first.email }?.owner == otherLogin)

        // Take the next one: it leaves Unassigned, and the CLI shows me as its owner.
        shown = try screen.waitFor("next row under the cursor") { s in !s[2].contains(first.name) }
        let second = try #require(customerOnRow(shown, row: 2, among: unassigned.filter { $0.email != first.email }))
        try screen.send("t")
        try screen.waitFor("\(second.name) is now looked after by you")
        #expect(try owners(cli).first { $0.email == second.email }?.owner == me)

        // Views: number keys and Tab.
        try screen.send("1")
        try screen.waitFor("· Mine ·")
        try screen.send("3")
        try screen.waitFor("· All ·")
        try screen.send("Tab")
        try screen.waitFor("· Pending ·")

        try screen.send("q")
        try screen.waitFor("the inbox to quit") { s in !s.contains { $0.contains("· Pending ·") } }
    }

    @Test(arguments: Backend.available)
    func anAssignmentByAnotherProcessShowsWithoutAKeypress(_ backend: Backend) throws {
        let (cli, _, screen, shown, unassigned) = try unassignedView(backend)
        let customer = try #require(customerOnRow(shown, row: 2, among: unassigned))
        try screen.send("Enter")
        try screen.waitFor("Owner: — (unassigned)")

        // Another agent's process assigns the customer; no key is pressed here.
        let team = try #require(try cli.run(["agent", "list", "--json"]).json as? [[String: Any]])
        let other = try #require(team.last)
        let result = try cli.run(["assign", customer.email, other["login"] as! String, "--agent", other["login"] as! String])
        #expect(result.status == 0, "\(result.stderr)")
        let first = other["first_name"] as! String, last = other["last_name"] as! String
        try screen.waitFor("Owner: \(first) \(last)", timeout: 10)
        try screen.waitFor("header shows the owner") { s in s[0].contains("owner \(first)") }
    }

    @Test func theCompactLayoutAndTheTooSmallMessageSurviveResizing() throws {
        let (cli, me) = try demo()
        let screen = try TmuxScreen(cli, ["--agent", me], width: 40, height: 10)
        var shown = try screen.waitFor("1Mine")
        #expect(shown.allSatisfy { $0.count <= 40 })
        try screen.send("a")
        try screen.waitFor("Enter assign")
        try screen.resize(width: 30, height: 8)
        try screen.waitFor("Terminal too small")
        try screen.resize(width: 100, height: 30)
        shown = try screen.waitFor("Enter assign")
        try screen.send("Escape")
        try screen.send("/")
        try screen.resize(width: 41, height: 10)
        try screen.waitFor("Search:")
        try screen.send("q")
        try screen.waitFor("Search: q")          // typed into the prompt: q does not quit here
    }
}

/// Where the inbox runs: over ssh with `LC_ALL=C` it still shows every letter (a UTF-8 locale is
/// chosen when one is installed); a terminal that cannot address the cursor is refused clearly.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct TerminalEnvironmentTests {
    @Test func underTheCLocaleNonASCIILettersStillShow() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"], environment: ["LC_ALL": "C", "LANG": "C"])
        // Both the row with the accented name and the status bar: under load the rows can be drawn a
        // moment before the bar, so one capture must hold both.
        let shown = try screen.waitFor("Jakub Novotný and the Mine status bar") { lines in
            lines.contains { $0.contains("Jakub Novotný") } && lines.contains { $0.contains("· Mine ·") }
        }
        #expect(shown.contains { $0.contains("Jakub Novotný") })
    }

    /// In a pseudo-terminal (`script`, from util-linux), so that only TERM is wrong.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func aDumbTerminalIsRefusedWithAReason() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let command = "TERM=dumb '\(RapportBinary.url.path)' inbox --agent sam"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = cli.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("rapport: TERM=dumb cannot show the full-screen inbox"), "\(text)")
    }
}
