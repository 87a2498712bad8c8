import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport for-you [--json] [--mark-read]`: the notes mentioning the agent and the customers taken from them.
struct ForYouCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "for-you",
        abstract: "What the current agent should hear about: notes that mention them, customers taken from them.",
        discussion: """
        An internal note mentions an agent with @login or @FirstName (when one agent has that first name). \
        A customer taken from the agent (or sent back to Unassigned) by someone else is listed with the \
        handoff note. Newest first; items since the agent last looked (the inbox's view 9, or --mark-read) \
        are marked unread.
        """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Record that the agent has seen everything listed.") var markRead = false
    @OptionGroup var output: ListingOutput

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let forYou = ForYou(store: store)
        let items = try forYou.items(agent: me.login)
        if markRead { try forYou.markRead(agent: me.login) }
        if output.json { return printJSON(items.map { ForYouJSON($0.item, unread: $0.unread) }) }
        if items.isEmpty { say("Nothing for you.") }
        for (item, unread) in items {
            let mark = unread ? "●" : " "
            let what: String
            switch item.kind {
            case .mention:
                what = "\(item.by) mentioned you on \(item.customerName) (#\(item.conversationID ?? 0)): \(Self.oneLine(item.text))"
            case .takeover:
                let to = item.to.map { "to \($0)" } ?? "back to Unassigned"
                what = "\(item.customerName) was taken \(to) by \(item.by)" + (item.text.map { ": “\(Self.oneLine($0))”" } ?? "")
            }
            say("\(mark) \(item.at.formatted(.iso8601))  \(what)")
        }
    }

    static func oneLine(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// One item of `rapport for-you --json`.
struct ForYouJSON: Encodable {
    let kind: String
    let at: Date
    let by: String
    @EncodedAsNull var text: String?
    let customer: Int64
    let customerName: String
    @EncodedAsNull var conversation: Int64?
    @EncodedAsNull var subject: String?
    @EncodedAsNull var to: String?
    let unread: Bool

    init(_ i: ForYouItem, unread: Bool) {
        kind = i.kind.rawValue; at = i.at; by = i.by; text = i.text; customer = i.customerID; customerName = i.customerName
        conversation = i.conversationID; subject = i.subject; to = i.to; self.unread = unread
    }
}
