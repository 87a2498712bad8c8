import Foundation
import RapportCore

/// The team: who may sign in, and who is running a command.
public struct Agents {
    public let store: any ConversationStore

    public init(store: any ConversationStore) {
        self.store = store
    }

    /// Adds an agent; a no-reply address or a login already taken is refused.
    public func add(_ agent: Agent) throws {
        try store.addAgent(agent)
    }

    public func list() throws -> [Agent] {
        try store.agents()
    }

    /// The agent with this login; an unknown login is refused with the list of known agents.
    public func named(_ login: String?) throws -> Agent {
        let known = try store.agents()
        guard let login, let agent = known.first(where: { $0.login == login }) else {
            throw RapportError.unknownAgent(login ?? "(none)", known: known.map(\.login))
        }
        return agent
    }
}
