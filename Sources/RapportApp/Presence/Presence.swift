import Foundation
import RapportCore

/// "Sam is viewing" / "Sam is replying": what an inbox says about its agent, and reads about the others.
public struct Presence: StoreUseCase {
    public let ports: Ports<any PresenceStore>

    public init(ports: Ports<any PresenceStore>) {
        self.ports = ports
    }

    /// Says that `agent` is in the conversation now (replacing where they were).
    @discardableResult
    public func beat(agent: String, conversation: ConversationID, activity: PresenceActivity) throws -> PresenceMark {
        let mark = PresenceMark(agent: agent, conversationID: conversation, activity: activity, at: clock())
        try store.recordPresence(mark)
        return mark
    }

    /// Says that `agent` is in no conversation (their inbox left it, or closed).
    public func leave(agent: String) throws {
        try store.clearPresence(agent: agent)
    }

    /// The other agents' marks in force now, the most recent first.
    public func others(than agent: String) throws -> [PresenceMark] {
        let now = clock()
        return PresenceRule.others(try store.presence(since: now.addingTimeInterval(-PresenceRule.lifetime)), agent: agent, now: now)
    }
}
