import Foundation
import RapportCore

/// Taking back the inbox's last status change or assignment (`u`), within `UndoableChange.window`.
///
/// It goes through the same use cases as the change itself, and only when what it changed is still
/// as it was left: a conversation someone moved on since, or a customer another agent took meanwhile,
/// is refused rather than overwritten. Undoing an assignment is a new assignment, logged with a note;
/// the log is never edited.
public struct Undo: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// Undoes `change` on behalf of `agent`; returns what was done, in words for the status line.
    @discardableResult
    public func undo(_ change: UndoableChange, by agent: String) throws -> String {
        guard change.isUndoable(now: clock()) else {
            throw RapportError.invalid("too late to undo: a change can be undone for \(Int(UndoableChange.window)) s")
        }
        switch change.kind {
        case let .status(id, from, to):
            guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
            guard conversation.status == to else {
                throw RapportError.invalid("nothing undone: \(change.label)'s conversation is \(conversation.status.rawValue) now")
            }
            try Conversations(ports: Ports(store: store, clock: clock)).setStatus(from, of: id)
            return "Undone: \(change.label) is \(from.rawValue) again"
        case .owners(let assignments):
            let ownership = Ownership(ports: Ports(store: store, clock: clock))
            var undone = 0
            var refused: [String] = []
            for a in assignments {
                do {
                    try ownership.revert(a, by: agent)
                    undone += 1
                } catch let error as RapportError {
                    refused.append(error.description)
                }
            }
            if undone == 0, let first = refused.first { throw RapportError.invalid("nothing undone: \(first)") }
            let back = assignments.first.flatMap(\.from) ?? "Unassigned"
            var text = assignments.count == 1 ? "Undone: \(change.label) is back with \(back)"
                                              : "Undone: \(undone) of \(assignments.count) assignments taken back"
            if !refused.isEmpty { text += "; not undone: " + refused.joined(separator: "; ") }
            return text
        }
    }
}
