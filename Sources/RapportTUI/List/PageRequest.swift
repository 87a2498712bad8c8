import Foundation
import RapportCore

/// A request for rows of a list, carried by `Effect.loadPage`. Lists are read by key
/// (keyset pagination): a request names a position, never an offset, and asks for a
/// bounded number of rows.
public struct PageRequest: Sendable, Hashable {
    /// Where the rows go in the window.
    public enum Placement: Sendable, Hashable {
        /// Replace the window with rows around a conversation: `above` rows before it and up to
        /// `below` rows from it on. With no conversation, the top of the list. When the
        /// conversation has moved (new activity), the window follows it to its new place;
        /// when it left the list, `fallback` (its old position) is used.
        case around(ConversationID?, fallback: PageCursor?, above: Int, below: Int)
        /// Older rows after the last loaded one, appended.
        case after(PageCursor)
        /// Newer rows before the first loaded one, prepended.
        case before(PageCursor)
        /// The last rows of the list.
        case bottom

        /// The top of the list: a screen of rows and twenty more.
        static func top(visible: Int) -> Placement {
            .around(nil, fallback: nil, above: 0, below: visible + 20)
        }
    }

    public var source: ListSource
    public var query: ConversationQuery
    public var placement: Placement
    /// Rows per page for `.after`, `.before` and `.bottom`.
    public var limit: Int
}

/// Rows answering a `PageRequest`, in list order.
public struct Page: Sendable, Hashable {
    public var rows: [ConversationSummary]
    /// For `.around`: the index at which the requested conversation is (or would have been).
    public var anchorIndex = 0
    public var moreBefore, moreAfter: Bool
    /// What a work list says about its rows (what is due, for whom), by conversation.
    public var notes: [ConversationID: RowNote] = [:]

    /// A whole list as one page, nothing before or after it: how a work list (one agent's work, tens
    /// of rows) is answered.
    public static func whole(_ rows: [ConversationSummary], anchorIndex: Int = 0,
                             notes: [ConversationID: RowNote] = [:]) -> Page {
        Page(rows: rows, anchorIndex: anchorIndex, moreBefore: false, moreAfter: false, notes: notes)
    }
}

/// A work list's words about one row: shown in place of the subject, with a due date when there is one.
public struct RowNote: Sendable, Hashable {
    public var text: String
    /// When the work is due; rows past it stand out.
    public var due: Date?
    /// Since when it has been waiting, for work with no due date.
    public var since: Date?
    /// When it happened, for news rather than work ("For you"): shown as an age.
    public var at: Date?

    public init(text: String, due: Date? = nil, since: Date? = nil, at: Date? = nil) {
        self.text = text
        self.due = due
        self.since = since
        self.at = at
    }
}
