import Foundation
import Testing

/// Two agents' inboxes on one store, in tmux: each sees where the other is ("Sam is viewing",
/// "Sam is replying") on the list and in the thread, and the mark goes when the other leaves.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct PresenceScreenTests {
    @Test(arguments: Backend.available)
    func eachInboxShowsWhereTheOtherAgentIsAndForgetsItWhenTheyLeave(_ backend: Backend) throws {
        let cli = try RapportBinary.withDemo(backend)
        // Sam opens his first conversation; Priya looks at All.
        let sam = try TmuxScreen(cli, ["--agent", "sam"])
        try sam.waitFor("· Mine ·")
        try sam.send("Enter")
        let thread = try sam.waitFor("Sam's thread header") { $0[0].contains("· owner Sam") }
        let subject = try #require(thread[0].components(separatedBy: " · ").first?.trimmingCharacters(in: .whitespaces))
        let priya = try TmuxScreen(cli, ["--agent", "priya"])
        try priya.waitFor("· Mine ·")
        try priya.send("3")
        let list = try priya.waitFor("[Sam is viewing] " + subject)
        let row = try #require(list.firstIndex { $0.contains("[Sam is viewing] " + subject) })
        #expect(list.filter { $0.contains("Sam is") }.count == 1, "only the conversation Sam is in: \(list)")

        // Sam starts a reply; Priya opens the conversation and sees it in the header; Sam sees her.
        try sam.send("r")
        try sam.waitFor("Reply to")
        try priya.waitFor("[Sam is replying] " + subject)
        // The cursor starts on the first row (screen line 2).
        for _ in 0..<max(0, row - 2) { try priya.send("j") }
        try priya.send("Enter")
        try priya.waitFor("Priya's thread header") { $0[0].contains(subject) && $0[0].contains("· Sam is replying") }
        try sam.waitFor("Sam's header names Priya") { $0[0].contains("· Priya is viewing") }

        // Sam closes the composer (the draft is kept) and goes back to the list: Priya's header forgets him.
        try sam.send("Escape")
        try sam.send("q")
        try sam.waitFor("· Mine ·")
        try priya.waitFor("Sam's mark gone") { $0[0].contains(subject) && !$0[0].contains("Sam is") }
    }
}
