import Foundation
import Testing

/// `rapport customer search|show|edit|merge` through the real binary, and the customer's page in tmux.
@Suite struct CustomerCommandTests {
    @Test(arguments: Backend.available)
    func searchShowEditAndMergeOnTheDemo(_ backend: Backend) throws {
        let cli = try RapportBinary.withDemo(backend)
        let found = try #require(try cli.run(["customer", "search", "Lindqvist", "--json", "--agent", "alex"]).json as? [[String: Any]])
        #expect(found.map { $0["email"] as? String } == ["bjorn.lindqvist@post.example"])
        let byAddress = try cli.run(["customer", "search", "amara.nwosu@", "--agent", "alex"])
        #expect(byAddress.status == 0 && byAddress.stdout.contains("Amara Nwosu"), "\(byAddress.stdout)")

        let page = try #require(try cli.run(["customer", "show", "dana.whitfield@fastmail.example", "--json", "--agent", "alex"])
            .json as? [String: Any])
        let conversations = try #require(page["conversations"] as? [[String: Any]])
        #expect(conversations.count >= 2)
        let dates = conversations.compactMap { $0["last_activity"] as? String }
        #expect(dates == dates.sorted(by: >), "newest first")
        #expect(conversations.contains { $0["last_writer"] as? String == "customer" })
        #expect((page["assignments"] as? [[String: Any]])?.contains { $0["note"] is String } == true)
        #expect((page["referred"] as? [Any])?.isEmpty == false)
        #expect(page["same_person"] is [String: Any] && page["likely_duplicates"] as? [String] == [])

        try cli.run(["customer", "add", "--first", "Dana", "--last", "Whitfield", "--email", "dw@shop.example", "--owner", "priya",
                     "--agent", "alex"])
        let hinted = try cli.run(["customer", "show", "dana.whitfield@fastmail.example", "--agent", "alex"])
        #expect(hinted.stdout.contains("likely the same person: Dana Whitfield <dw@shop.example>"), "\(hinted.stdout)")

        let lastAddress = try cli.run(["customer", "edit", "dw@shop.example", "--remove-address", "dw@shop.example", "--agent", "alex"])
        #expect(lastAddress.status == 1 && lastAddress.stderr.contains("no address left"), "\(lastAddress.stderr)")
        let taken = try cli.run(["customer", "edit", "dw@shop.example", "--add-address", "amara.nwosu@fastmail.example", "--agent", "alex"])
        #expect(taken.status == 1 && taken.stderr.contains("already belongs to Amara Nwosu"), "\(taken.stderr)")
        #expect(try cli.run(["customer", "edit", "dw@shop.example", "--agent", "alex"]).status == 2)

        let noNote = try cli.run(["customer", "merge", "dw@shop.example", "dana.whitfield@fastmail.example", "--agent", "alex"])
        #expect(noNote.status == 1 && noNote.stderr.contains("handoff note"), "\(noNote.stderr)")
        let merged = try cli.run(["customer", "merge", "dw@shop.example", "dana.whitfield@fastmail.example", "--note", "Same Dana",
                                  "--agent", "alex"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let after = try #require(try cli.run(["customer", "show", "dw@shop.example", "--json", "--agent", "alex"]).json as? [String: Any])
        let customer = try #require(after["customer"] as? [String: Any])
        #expect(customer["email"] as? String == "dana.whitfield@fastmail.example" && customer["owner"] as? String == "sam")
        #expect((customer["addresses"] as? [String])?.last == "dw@shop.example")
        let log = try #require(try cli.run(["log", "dana.whitfield@fastmail.example", "--json"]).json as? [[String: Any]])
        #expect((log.last?["note"] as? String)?.hasPrefix("merged Dana Whitfield (dw@shop.example)") == true)
        #expect(log.last?["from"] as? String == "priya" && log.last?["by"] as? String == "alex")

        let renamed = try cli.run(["customer", "edit", "dw@shop.example", "--first", "Danielle", "--agent", "alex"])
        #expect(renamed.status == 0 && renamed.stdout.contains("Danielle Whitfield"), "\(renamed.stdout)\(renamed.stderr)")
    }

    /// In tmux on the demo, as an agent tries it: / by a surname, the count, c for the page, Enter into a conversation.
    @Test(arguments: Backend.available)
    func theCustomersPageInTmux(_ backend: Backend) throws {
        let cli = try RapportBinary.withDemo(backend)
        let screen = try TmuxScreen(cli, ["inbox", "--agent", "alex"], width: 120, height: 40)
        try screen.waitFor("Alex · Mine")
        try screen.send("/")
        try screen.send("whitfield", literal: true)
        try screen.send("Enter")
        try screen.waitFor("Search: whitfield  3 matches")
        try screen.send("c")
        try screen.waitFor("Conversations (4)")
        let page = try screen.capture().joined(separator: "\n")
        #expect(page.contains("Dana Whitfield") && page.contains("Assignment log") && page.contains("Back to Sam"), "\(page)")
        try screen.send("Enter")
        try screen.waitFor("· Conversation ·")
        try screen.send("q")
        try screen.waitFor("Search: whitfield")
    }
}
