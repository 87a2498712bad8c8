import Foundation

/// What the store has changed, in order, and who changed it: a process remembers the last
/// sequence it saw, reads what changed since, and reloads only for other writers' changes
/// (its own writes are already on its screen). Notifications carry ids only; the store is the truth.
public protocol ChangeFeed: Sendable {
    /// The tag this store instance writes with every change it makes (unique per instance).
    var origin: String { get }
    /// A cheap wake-up check: a number that moves whenever some connection commits (SQLite's
    /// `PRAGMA data_version`, at once; PostgreSQL's LISTEN/NOTIFY, when the notification arrives,
    /// moments after the commit). When it has not moved, nothing changed and `changes(since:)` can
    /// wait. Throws while the store cannot be reached (the inbox then says it is disconnected).
    func changeToken() throws -> Int
    /// The sequence of the latest change (0 when nothing was ever written).
    func latestChange() throws -> Int64
    /// The changes after `sequence`, oldest first. Sequences grow in commit order: once a change can
    /// be read, so can every change with a smaller sequence (an adapter whose sequences may commit out
    /// of order, as PostgreSQL's, must hold the later ones back), so nothing is skipped by moving on.
    func changes(since sequence: Int64) throws -> StoreChanges
}

/// One write to one entity.
public struct StoreChange: Sendable, Hashable {
    public var sequence: Int64
    /// The `origin` of the store instance that wrote it.
    public var origin: String
    public var entity: StoreEntity
    /// The entity's id (for a draft or a seen mark, its conversation's; for an address, its customer's).
    public var entityID: Int64

    public init(sequence: Int64, origin: String, entity: StoreEntity, entityID: Int64) {
        self.sequence = sequence
        self.origin = origin
        self.entity = entity
        self.entityID = entityID
    }
}

/// Which kind of row a change touched. Open-ended, so a store written by a newer Rapport
/// still reads: an unknown kind is kept by name.
public struct StoreEntity: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let agent = StoreEntity(rawValue: "agent")
    public static let customer = StoreEntity(rawValue: "customer")
    public static let assignment = StoreEntity(rawValue: "assignment")
    public static let conversation = StoreEntity(rawValue: "conversation")
    public static let message = StoreEntity(rawValue: "message")
    /// A conversation marked read by an agent.
    public static let seen = StoreEntity(rawValue: "seen")
    public static let draft = StoreEntity(rawValue: "draft")
    public static let headsUp = StoreEntity(rawValue: "headsUp")
    public static let outbox = StoreEntity(rawValue: "outbox")
    /// An agent's absence recorded, changed or ended.
    public static let absence = StoreEntity(rawValue: "absence")
    /// A reply written while covering (the cover log).
    public static let cover = StoreEntity(rawValue: "cover")
    /// A note mentioning an agent (its id is the note's message id).
    public static let mention = StoreEntity(rawValue: "mention")
    /// An agent's "For you" read mark.
    public static let forYouSeen = StoreEntity(rawValue: "forYouSeen")
}

/// The answer to `changes(since:)`.
public struct StoreChanges: Sendable, Hashable {
    public var changes: [StoreChange]
    /// False when the log no longer reaches back to the sequence asked about (it is bounded):
    /// some changes are missing, so everything on screen should be read again.
    public var isComplete: Bool
    /// The sequence to remember for the next call.
    public var latest: Int64

    public init(changes: [StoreChange], isComplete: Bool, latest: Int64) {
        self.changes = changes
        self.isComplete = isComplete
        self.latest = latest
    }

    /// True when something in these changes was written by another store instance than `origin`
    /// (or may have been, when the log is incomplete).
    public func includesOthers(than origin: String) -> Bool {
        !isComplete || changes.contains { $0.origin != origin }
    }
}
