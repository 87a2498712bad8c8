import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport search`: the inbox's search box for scripts (and for comparing with `notmuch search`).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "List conversations with a message holding every word, newest first.",
        discussion: """
            Words are matched as the inbox's search box matches them: every word must occur in the \
            subject or text of one message, case and accents ignored, the last word as a prefix. \
            Quoted lines (starting with ">") are left out: they are found as the message they quote.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The words to look for.") var words: [String]
    @Option(help: "Only conversations of this agent's customers (a login).") var owner: String?
    @Option(help: "Only this status: open, pending or closed.") var status: String?
    @Option(help: "At most this many rows.") var limit: Int = 50
    @OptionGroup var output: ListingOutput

    func validate() throws {
        if words.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give at least one word") }
        try validateListing(status: status, limit: limit)
    }

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let ownerFilter = try owner.map { OwnerFilter.agent(try Agents(store: store).named($0).login) } ?? .anyone
        let rows = try Conversations(store: store).search(
            words.joined(separator: " "), owner: ownerFilter, status: status.flatMap(ConversationStatus.init),
            limit: limit, agent: me.login)
        try printConversations(rows, store: store, json: output.json)
    }
}
