import Foundation
import RapportCore

/// The composer's unsent text, and internal notes (which are never sent and have no policy).
public struct Drafts {
    public let store: any ConversationStore
    public var clock: () -> Date

    public init(store: any ConversationStore, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    public func load(_ id: ConversationID, agent: String) throws -> Draft? {
        try store.draft(conversation: id, agent: agent)
    }

    public func save(_ draft: Draft) throws {
        try store.saveDraft(draft)
    }

    public func discard(_ id: ConversationID, agent: String) throws {
        try store.deleteDraft(conversation: id, agent: agent)
    }

    /// Adds an internal note and removes the agent's draft there, in one transaction.
    @discardableResult
    public func addNote(_ id: ConversationID, by agent: Agent, text: String) throws -> Message {
        try store.addNote(conversation: id, agent: agent, text: text, at: clock())
    }
}
