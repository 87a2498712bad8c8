import Foundation
import RapportCore

/// Opens the full-screen inbox for `agent` (see `runInbox` in Inbox/).
func openInbox(store: some WorkflowStore, agent: Agent) throws {
    try runInbox(store: store, agent: agent)
}
