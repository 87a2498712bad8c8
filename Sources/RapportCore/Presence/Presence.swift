import Foundation

/// What another agent is doing in a conversation, as their inbox last said.
public enum PresenceActivity: String, Sendable, Hashable, Codable {
    case viewing
    /// Writing a reply in it (a note is viewing: notes can overlap, replies should not).
    case replying
}

/// One agent's heartbeat: where they are and when their inbox last said so.
public struct PresenceMark: Sendable, Hashable, Codable {
    public var agent: String
    public var conversationID: ConversationID
    public var activity: PresenceActivity
    public var at: Date

    public init(agent: String, conversationID: ConversationID, activity: PresenceActivity, at: Date) {
        self.agent = agent
        self.conversationID = conversationID
        self.activity = activity
        self.at = at
    }
}

/// Presence warns, never blocks: only the owner may reply anyway, and notes can overlap. An inbox
/// says where its agent is every `heartbeat` seconds (and at once when that changes); a mark older
/// than `lifetime` is over, so an inbox that died without saying goodbye stops showing within 30 s.
public enum PresenceRule {
    public static let lifetime: TimeInterval = 30
    public static let heartbeat: TimeInterval = 10
    /// How often an inbox reads the others' marks (presence is not in the change feed: a heartbeat
    /// every ten seconds per agent would wake every inbox for nothing).
    public static let readEvery: TimeInterval = 3

    /// The other agents' marks still in force at `now`, the most recent first.
    public static func others(_ marks: [PresenceMark], agent: String, now: Date) -> [PresenceMark] {
        marks.filter { $0.agent != agent && isFresh($0, now: now) }.sorted { $0.at > $1.at }
    }

    public static func isFresh(_ mark: PresenceMark, now: Date) -> Bool {
        now.timeIntervalSince(mark.at) < lifetime
    }

    /// True when the inbox must write its agent's mark now: where they are changed, or the last mark
    /// is due for renewal. `last` is the mark last written (nil: none, or cleared).
    public static func needsBeat(_ current: PresenceMark?, last: PresenceMark?, now: Date) -> Bool {
        guard let current else { return false }
        guard let last, last.conversationID == current.conversationID, last.activity == current.activity else { return true }
        return now.timeIntervalSince(last.at) >= heartbeat
    }

    /// "Sam is viewing", "Sam is replying", "Sam and Priya are viewing", "Sam is replying, Priya is
    /// viewing": the marks in one conversation, named with `name` (an agent's first name).
    public static func text(_ marks: [PresenceMark], name: (String) -> String) -> String? {
        guard !marks.isEmpty else { return nil }
        var groups: [(PresenceActivity, [String])] = []
        for activity in [PresenceActivity.replying, .viewing] {
            let names = marks.filter { $0.activity == activity }.map { name($0.agent) }
            if !names.isEmpty { groups.append((activity, names)) }
        }
        return groups.map { activity, names in
            let who = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return "\(who) \(names.count == 1 ? "is" : "are") \(activity.rawValue)"
        }.joined(separator: ", ")
    }
}
