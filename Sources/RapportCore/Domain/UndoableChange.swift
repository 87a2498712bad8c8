import Foundation

/// A change made in the inbox that `u` can take back for a short while: a conversation's status,
/// or owners set by one assignment (a bulk one included).
public struct UndoableChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A conversation's status, as it was and as it was made.
        case status(ConversationID, from: ConversationStatus, to: ConversationStatus)
        /// The assignments as logged (`from` is the owner to go back to).
        case owners([Assignment])
    }

    /// How long a change stays undoable: long enough to notice a slip, short enough that nobody
    /// has acted on the change since.
    public static let window: TimeInterval = 60

    public var kind: Kind
    /// When it was made, by the clock of whoever records it.
    public var at: Date
    /// Whom it was about, for messages ("Dana Ruiz", "3 customers").
    public var label: String

    public init(_ kind: Kind, at: Date, label: String) {
        self.kind = kind
        self.at = at
        self.label = label
    }

    /// True while `now` is within the window after the change (a clock set back counts as within).
    public func isUndoable(now: Date) -> Bool {
        now.timeIntervalSince(at) <= Self.window
    }
}
