import Foundation
import RapportCore

/// Presence: on ticks, the inbox says where its agent is (`PresenceRule.needsBeat`) and reads where
/// the others are; the list rows and the thread's header show them. A warning, never a block.
extension AppState {
    /// Where this agent is now: replying with a reply composer open, viewing with a thread shown.
    var ownPresence: PresenceMark? {
        guard let t = thread else { return nil }
        let replying = activeComposer.map { $0.kind == .reply } ?? false
        return PresenceMark(agent: agent.login, conversationID: t.conversationID,
                            activity: replying ? .replying : .viewing, at: now)
    }

    mutating func presenceTick() -> [Effect] {
        var effects: [Effect] = []
        if let current = ownPresence {
            if PresenceRule.needsBeat(current, last: presenceSent, now: now) {
                presenceSent = current
                effects.append(.presence(.beat(current.conversationID, current.activity)))
            }
        } else if presenceSent != nil {
            presenceSent = nil
            effects.append(.presence(.leave))
        }
        if nextPresenceRead.map({ now >= $0 }) ?? true {
            nextPresenceRead = now.addingTimeInterval(PresenceRule.readEvery)
            effects.append(.presence(.read))
        }
        return effects
    }

    /// "Sam is viewing" for the other agents in the conversation, while their marks are in force.
    public func presenceText(in conversation: ConversationID) -> String? {
        let here = PresenceRule.others(presence, agent: agent.login, now: now).filter { $0.conversationID == conversation }
        return PresenceRule.text(here) { firstName(of: $0) ?? $0 }
    }
}
