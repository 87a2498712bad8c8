import Foundation
import RapportCore

/// The composer's unsent text, and internal notes (which are never sent and have no policy).
public struct Drafts: StoreUseCase {
    public let ports: Ports<any ConversationStore>

    public init(ports: Ports<any ConversationStore>) {
        self.ports = ports
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

    /// Adds an internal note and removes the agent's draft there, in one transaction; then records the
    /// agents it mentions (`@login`, `@FirstName`; not the writer), who see it in "For you".
    @discardableResult
    public func addNote(_ id: ConversationID, by agent: Agent, text: String) throws -> Message {
        let note = try store.addNote(conversation: id, agent: agent, text: text, at: clock())
        let told = try mentioned(in: text, by: agent)
        if !told.isEmpty { try store.addMentions(message: note.id, agents: told) }
        return note
    }

    /// The agents a note by `agent` tells: those it mentions, not the writer.
    public func mentioned(in text: String, by agent: Agent) throws -> [String] {
        Mentions.logins(in: text, agents: try store.agents()).filter { $0 != agent.login }
    }
}
