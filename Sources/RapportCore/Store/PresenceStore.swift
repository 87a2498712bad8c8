import Foundation

/// Where each agent's inbox says they are: one mark per agent, replaced by each heartbeat. Not in
/// the change feed (see `PresenceRule.readEvery`); which marks are still in force is `PresenceRule`'s to say.
public protocol PresenceStore: Sendable {
    /// Writes `mark` as its agent's only mark.
    func recordPresence(_ mark: PresenceMark) throws
    /// Removes the agent's mark (their inbox left the conversation or closed).
    func clearPresence(agent: String) throws
    /// The marks written at or after `since`.
    func presence(since: Date) throws -> [PresenceMark]
}
