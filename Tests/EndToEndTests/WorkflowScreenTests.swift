import Foundation
import Testing

/// The relationship workflows in the real inbox, in tmux, on the demo store.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct WorkflowScreenTests {
    @Test func recordAReferralThenFindTheThankYouInTheReferrersOwnersView() throws {
        let cli = try RapportBinary.withDemo()
        let screen = try TmuxScreen.samsInbox(cli)
        try screen.send("2")
        try screen.waitFor("Lars Eriksen")
        // Lars wrote this morning; the newest row is his. Open it and answer "how did you hear about us?".
        try screen.send("g", "Enter")
        try screen.waitFor("Claim form attached · Lars Eriksen")
        try screen.send("R")
        try screen.waitFor("How did Lars Eriksen hear about us?")
        try screen.send("Dana", literal: true)
        try screen.waitFor("referred by Dana Whitfield")
        try screen.send("Enter")
        try screen.waitFor("a thank-you draft waits in your Thank-you view")
        try screen.waitFor("Referred by Dana Whitfield")
        try screen.send("q", "6")
        let list = try screen.waitFor("Will Turner, Lars Eriksen")
        #expect(list.contains { $0.contains("Dana Whitfield") && $0.contains("referred") && $0.contains("Lars Eriksen") })
        let referrals = try #require(try cli.run(["referral", "list", "--unthanked", "--json"]).json as? [[String: Any]])
        #expect(referrals.contains { $0["customer"] as? String == "lars.eriksen@mail.example"
            && $0["referrer"] as? String == "dana.whitfield@fastmail.example" })
    }

    @Test func aHeadsUpImportedByAnotherProcessAppearsOpensInTheComposerAndLeavesOnceSent() throws {
        let cli = try RapportBinary.withDemo()
        let screen = try TmuxScreen.samsInbox(cli)
        try screen.send("5")
        // The demo's own overdue heads-up for Noah Fischer: due at 09:00 four days ago, so "3d late"
        // before nine in the morning and "4d late" after.
        try screen.waitFor("d late")
        let day = Date().addingTimeInterval(20 * 86_400)
        let effective = ISO8601DateFormatter.string(from: day, timeZone: TimeZone(identifier: "UTC")!,
                                                    formatOptions: [.withFullDate])
        let csv = (cli.store as NSString).deletingLastPathComponent + "/fees.csv"
        try "email,kind,effective_date,details\ndana.whitfield@fastmail.example,fee,\(effective),Paper statements cost 2 a month\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run(["headsup", "import", csv]).status == 0)
        // No keypress: the inbox sees the other process's commit and reloads the work list.
        try screen.waitFor("Fee on \(effective)")
        let rows = try screen.capture()
        let noah = try #require(rows.firstIndex { $0.contains("Noah Fischer") })
        let dana = try #require(rows.firstIndex { $0.contains("Dana Whitfield") })
        #expect(noah < dana, "by due date: the late one first")
        #expect(rows[noah].hasPrefix(" !"), "a late heads-up stands out")
        #expect(rows[noah].contains("d late"))
        // Enter opens the prepared draft in the composer; the policy applies and it sends as any reply.
        try screen.send("j", "Enter")
        try screen.waitFor("Message to Dana Whitfield")   // a heads-up answers nothing: a message, not a reply
        try screen.waitFor("Paper statements cost 2 a month")
        try screen.send("C-s")
        try screen.waitFor("the heads-up counted as told") { _ in
            let status = (try? cli.run(["headsup", "status", "--json"]).json as? [[String: Any]]) ?? []
            return status.contains { $0["kind"] as? String == "fee" && $0["told"] as? Int == 1 }
        }
        try screen.send("Escape", "5")
        try screen.waitFor("Noah Fischer")
        #expect(try !screen.capture().contains { $0.contains("Dana Whitfield") }, "a told heads-up leaves the list")
    }

    @Test func theSidebarShowsTheSamePersonFigures() throws {
        let cli = try RapportBinary.withDemo()
        let screen = try TmuxScreen.samsInbox(cli)
        // Dana wrote this morning: her renewal thread is at the top of Mine.
        try screen.waitFor("Dana Whitfield")
        try screen.send("g", "Enter")
        try screen.waitFor("Home policy renewal — any changes this year? · Dana Whitfield")
        let thread = try screen.waitFor("Same person")
        #expect(thread.contains { $0.contains("% of our messages by") })
        #expect(thread.contains { $0.contains("owner change") })
        #expect(thread.contains { $0.contains("Last handoff") })
    }
}
