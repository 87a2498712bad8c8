import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport snooze CONVERSATION --until WHEN` (or `--off`): as `z` does in the inbox.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Take a conversation out of the views until a time or until the customer writes.",
        discussion: """
            WHEN is later (in three hours), tomorrow (9:00), monday (the next Monday 9:00), a span \
            (45m, 4h, 3d, 2w), a date (2026-12-24, at 9:00) or a date and time (2026-12-24 09:00), in \
            the local time zone ($TZ). It must be in the future and at most a year ahead. The conversation \
            comes back open, unread and at the top of the lists at that time, or with the customer's next message.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64
    @Option(help: "When it comes back (see above).") var until: String?
    @Flag(help: "End the snooze now, without marking it unread.") var off = false

    func validate() throws {
        if (until == nil) == !off { throw ValidationError("give one of --until WHEN or --off") }
    }

    func run() throws {
        let store = try global.openStore()
        _ = try global.currentAgent(store)
        let snoozes = Snoozes(store: store)
        guard let until else {
            try snoozes.cancel(conversation)
            return say("Conversation \(conversation) is no longer snoozed")
        }
        let date = try snoozes.snooze(conversation, until: until, timeZone: .current)
        say("Conversation \(conversation) snoozed until \(Self.local(date)) (sooner if the customer writes)")
    }

    static func local(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return f.string(from: date)
    }
}

/// `rapport snoozed [--json]`: the snoozed conversations, the soonest back first (due ones are woken first).
struct SnoozedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snoozed", abstract: "List snoozed conversations, the soonest back first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        _ = try global.currentAgent(store)
        let snoozes = Snoozes(store: store)
        try snoozes.wakeDue()
        let rows = try snoozes.list()
        if output.json {
            return printJSON(rows.map {
                HeadedJSON(head: ConversationHeadJSON($0.conversation, customer: $0.customer), rest: SnoozedJSON(until: $0.until))
            })
        }
        for r in rows {
            say("\(r.conversation.id)\t\(SnoozeCommand.local(r.until))\t\(r.customer?.owner ?? "—")\t"
                + "\(r.customer?.fullName ?? "")\t\(r.conversation.subject)")
        }
    }
}

/// `rapport snoozed --json`: `id`, `customer` (primary email), `customer_name`, `owner` (or null),
/// `status`, `subject` (its `ConversationHeadJSON`), and `until` (`HeadedJSON<SnoozedJSON>`).
struct SnoozedJSON: Encodable {
    let until: Date
}
