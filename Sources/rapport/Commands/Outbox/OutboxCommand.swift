import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport outbox`: where every reply is on its way out, for the whole team.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List replies not yet delivered (queued, sending, failed, needing a decision), oldest first.",
        discussion: """
            A failed reply shows its reason and, while rapport sync still retries it, when it tries next \
            (next_attempt; null once the retries of [mail] retry_delays are used up). Resolve one with D in the \
            inbox's thread, or rapport send --resend ID / --mark-sent ID.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include the replies already sent.") var all = false
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        let outbox = Outbox(store: store, retry: RetrySchedule(config: try global.config()))
        let items = try outbox.items(includingSent: all)
        if output.json {
            return printJSON(items.map { OutboxJSON($0, nextAttempt: outbox.retry.nextAttempt(of: $0)) })
        }
        if items.isEmpty { return say(all ? "the outbox is empty" : "nothing waiting: every reply has gone out") }
        for item in items {
            var line = "\(item.id)\t\(item.state.rawValue)\t\(item.agent)\t\(item.toAddress)\tconversation \(item.conversationID)"
            if let error = item.error, item.state != .sent { line += "\t\(error)" }
            if let next = outbox.retry.nextAttempt(of: item) { line += "\tnext try \(next.formatted(.iso8601))" }
            say(line)
        }
    }
}

/// One outbox item in `rapport outbox --json` (README, "JSON fields").
struct OutboxJSON: Encodable {
    let id: Int64
    let conversation: ConversationID
    let agent: String
    let to: String
    let state: String
    @EncodedAsNull var error: String?
    let attempts: Int
    let queued: Date
    let updated: Date
    @EncodedAsNull var claimedBy: String?
    @EncodedAsNull var nextAttempt: Date?

    init(_ item: OutboxItem, nextAttempt: Date?) {
        id = item.id
        conversation = item.conversationID
        agent = item.agent
        to = item.toAddress
        state = item.state.rawValue
        error = item.state == .sent ? nil : item.error
        attempts = item.attempts
        queued = item.queued
        updated = item.updated
        claimedBy = item.state == .sending ? item.claim?.claimant : nil
        self.nextAttempt = nextAttempt
    }
}
