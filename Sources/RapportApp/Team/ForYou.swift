import Foundation
import RapportCore

/// "For you": the notes that mention an agent and the customers taken from them, with what is unread.
public struct ForYou: StoreUseCase {
    public let ports: Ports<any WorkflowStore>
    /// How many items are read: one agent's recent news, not an archive.
    public static let limit = 200

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// The agent's items, newest first, each with whether it came after they last looked. What the agent
    /// did themselves (their own note, a customer they gave away) is no news to them.
    public func items(agent: String) throws -> [(item: ForYouItem, unread: Bool)] {
        let readAt = try store.forYouReadAt(agent: agent) ?? .distantPast
        return try store.forYou(agent: agent, limit: Self.limit)
            .filter { $0.by != agent }
            .map { (item: $0, unread: $0.at > readAt) }
    }

    /// How many of the agent's items are unread.
    public func unread(agent: String) throws -> Int {
        try items(agent: agent).filter(\.unread).count
    }

    /// The agent's unread items: how many, and the conversations they are about.
    public func unreadSummary(agent: String) throws -> (count: Int, conversations: Set<ConversationID>) {
        let unread = try items(agent: agent).filter(\.unread).map(\.item)
        return (unread.count, Set(unread.compactMap(\.conversationID)))
    }

    /// The agent has seen everything up to now.
    public func markRead(agent: String) throws {
        try store.markForYouRead(agent: agent, at: clock())
    }
}
