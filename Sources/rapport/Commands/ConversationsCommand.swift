import ArgumentParser
import Foundation
import RapportApp
import RapportCore

struct ConversationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conversations", abstract: "List conversations, newest first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only conversations of my customers.") var mine = false
    @Flag(help: "Only conversations of customers with no owner.") var unassigned = false
    @Option(help: "Only this status: open, pending or closed.") var status: String?
    @Option(help: "At most this many rows.") var limit: Int = 1000
    @OptionGroup var output: ListingOutput

    func validate() throws {
        if mine && unassigned { throw ValidationError("--mine and --unassigned exclude each other") }
        try validateListing(status: status, limit: limit)
    }

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let conversations = Conversations(store: store)
        try Snoozes(store: store).wakeDue()   // snoozed ones are not listed; those due come back first
        let owner: OwnerFilter = mine ? .agent(me.login) : unassigned ? .unassigned : .anyone
        let query = ConversationQuery(owner: owner, statuses: status.flatMap(ConversationStatus.init).map { [$0] })
        let rows = try conversations.rows(query, limit: limit, agent: me.login)
        try printConversations(rows, store: store, json: output.json)
    }
}
