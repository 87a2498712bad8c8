import Foundation
import RapportCore

/// Opens the inbox for `agent`. Until the full-screen inbox lands, prints a summary.
func openInbox(store: some ConversationStore, agent: Agent) throws {
    let counts = try store.counts(agent: agent.login)
    say("\(agent.fullName): \(counts.mine) mine, \(counts.unassigned) unassigned, \(counts.waiting) waiting")
}
