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
    /// Each agent's open conversations, for the assign picker (answered by `.agentLoadsLoaded`).
    case loadAgentLoads
    /// `A`: this agent is away until the day given, `cover` looks after their customers.
    case goAway(until: Date, cover: String)
    /// `A` while away: this agent is back.
    case comeBack
    /// Read a conversation's messages and its customer's profile (answered by `.threadLoaded`).
    case openConversation(ConversationID)
    /// Read a thread before it is asked for (`ThreadReadAhead`; answered by `.threadReadAhead`).
    case readAhead(ConversationID)
    case markSeen(ConversationID)
    /// Forget that this agent has read the conversation (`U`).
    case markUnread(ConversationID)
    /// Out of the views until `until` or the customer's next message (`z`).
    case snooze(ConversationID, until: Date)
    /// Save an attachment into the downloads folder, or into a private temporary folder and open it.
    case saveAttachment(AttachmentRef)
    case openAttachment(AttachmentRef)
    /// Bring back the snoozed conversations whose time has come (at start, then every half minute).
    case wakeSnoozes
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
    /// A customer's page, their name, and the search count.
    case customers(CustomersEffect)
    /// Where this agent is, for the others' "Sam is viewing", and where the others are.
    case presence(PresenceEffect)
}

public enum PresenceEffect: Sendable, Hashable {
    /// This agent is in the conversation now.
    case beat(ConversationID, PresenceActivity)
    /// This agent is in no conversation.
    case leave
    /// The others' marks in force (answered by `.presenceLoaded`).
    case read
}
