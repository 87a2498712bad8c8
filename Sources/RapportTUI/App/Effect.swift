import Foundation
import RapportCore

/// Work for the effect runner: the only way `update` reaches the store or the terminal.
/// Equatable, so tests can assert what a key asks for.
public enum Effect: Sendable, Hashable {
    /// Rows of a view or of search results (search is a page whose source is `.search(text)`).
    case loadPage(PageRequest)
    case loadCounts
    /// The agents, and the absences with them (answered by `.agentsLoaded` and `.absencesLoaded`).
    case loadAgents
    /// `A`: this agent is away until the day given, `cover` looks after their customers.
    case goAway(until: Date, cover: String)
    /// `A` while away: this agent is back.
    case comeBack
    /// Read a conversation's messages and its customer's profile (answered by `.threadLoaded`).
    case openConversation(ConversationID)
    case markSeen(ConversationID)
    /// Make `to` the owner of a customer (nil: unassigned); `note` is the handoff note.
    case assign(customer: CustomerID, to: String?, note: String?)
    case setStatus(ConversationID, ConversationStatus)
    /// Take back a status change or an assignment (answered by `.undone`).
    case undo(UndoableChange)
    /// Customers whose name or address starts with the text (answered by `.customersFound`).
    case findCustomers(String)
    /// How a customer heard about us: a referring customer, or another source.
    case recordReferral(customer: CustomerID, referrer: CustomerID?, source: String?)
    /// Clear the terminal and draw every cell again (Ctrl-L).
    case redraw
    /// Give the terminal back to the shell until it continues us (Ctrl-Z).
    case suspend
    case quit
    /// Drafts, sending, delivery, templates and the external editor.
    case composer(ComposerEffect)
}
