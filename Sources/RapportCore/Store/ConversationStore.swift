import Foundation

/// The one door to persisted state. Defined here so that the TUI and the mail code
/// never see SQLite; `RapportStore` implements it with GRDB, and a PostgreSQL
/// implementation can be added for teams spread over several machines.
///
/// Every method is one transaction: it either writes everything or nothing.
/// Refusals throw `RapportError`.
public protocol ConversationStore: IdentityVouching, Sendable {
    // MARK: - Agents
    func agents() throws -> [Agent]
    func agent(login: String) throws -> Agent?
    func addAgent(_ agent: Agent) throws

    // MARK: - Customers
    @discardableResult
    func addCustomer(_ new: NewCustomer, by agent: String?) throws -> Customer
    func customer(id: CustomerID) throws -> Customer?
    /// Finds the customer who owns this address (case-insensitive).
    func customer(email: String) throws -> Customer?
    func customers(owner: OwnerFilter) throws -> [Customer]
    /// Adds another address to a customer; an address belongs to one customer only.
    func addAddress(_ email: String, to customer: CustomerID) throws
    func customerProfile(id: CustomerID, now: Date) throws -> CustomerProfile?

    // MARK: - Ownership
    /// Sets (or clears, with `to: nil`) a customer's owner, logs the change and moves the drafts Rapport
    /// prepared for the customer to the new owner, in one transaction. `check` runs first on the customer
    /// as they are inside the write transaction, behind the store's write lock (nobody changes them in
    /// between): it throws to refuse, and nothing is written. The store decides nothing; `check` is the
    /// caller's rule (`Ownership`). An unknown customer is refused.
    func changeOwner(customer: CustomerID, to owner: String?, by agent: String, note: String?, at: Date,
                     checking check: (Customer) throws -> Void) throws -> Assignment
    func assignments(customer: CustomerID) throws -> [Assignment]

    // MARK: - Cover while away
    /// Records `absence.login`'s absence, replacing the one they had.
    func setAbsence(_ absence: Absence) throws
    /// Removes `login`'s absence and returns it; nil when none was recorded.
    func endAbsence(login: String) throws -> Absence?
    /// Every recorded absence, in force or over, by login. Which are in force is `CoverRule`'s to say.
    func absences() throws -> [Absence]
    /// The replies written to the customer while covering for their owner, oldest first.
    func coverLog(customer: CustomerID) throws -> [CoverEntry]

    // MARK: - Conversations and messages
    /// One page of a list, ordered by last activity (newest first). `agent` decides the unread marks.
    func conversations(_ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection,
                       limit: Int, agent: String) throws -> [ConversationSummary]
    func conversation(id: ConversationID) throws -> Conversation?
    func counts(agent: String) throws -> InboxCounts
    /// Per owner login, how many open conversations (with a message) their customers have, for the assign picker.
    /// Owners with none are left out.
    func openConversationCounts() throws -> [String: Int]
    func setStatus(_ status: ConversationStatus, conversation: ConversationID) throws
    /// Records that `agent` has read the conversation up to now.
    func markSeen(conversation: ConversationID, agent: String, at: Date) throws
    /// Forgets that `agent` has read the conversation, so it shows unread to them again if the
    /// customer has written in it. Throws `unknownConversation` for an id that does not exist.
    func markUnread(conversation: ConversationID, agent: String) throws
    /// Sets when a snoozed conversation comes back; nil ends the snooze. Throws `unknownConversation`.
    func setSnooze(conversation: ConversationID, until: Date?) throws
    /// Conversations with a snooze set, the soonest to come back first (ties by id).
    func snoozedConversations() throws -> [Conversation]
    /// Wakes a conversation whose snooze is due by `at`: clears the snooze, makes it open, moves its last
    /// activity to `at` (the top of the lists) and forgets every agent's read mark, so it comes back
    /// unread. False, and nothing written, when it is not snoozed or not due by `at` (someone changed it).
    func wakeConversation(_ id: ConversationID, at: Date) throws -> Bool
    /// One message by its id; nil when there is none.
    func message(id: MessageRowID) throws -> Message?
    /// Messages of a conversation, oldest first.
    func messages(conversation: ConversationID) throws -> [Message]
    /// Opens a new conversation with a customer.
    @discardableResult
    func startConversation(customer: CustomerID, subject: String, at: Date) throws -> Conversation
    /// Appends a message: moves the conversation's last activity, reopens a closed conversation on
    /// an inbound message, and makes the customer an existing one once we have written to them.
    @discardableResult
    func appendMessage(_ message: NewMessage) throws -> Message
    /// Adds an internal note by `agent` and removes that agent's draft in the conversation, in one
    /// transaction, so a crash can never bring back a note that was already added.
    @discardableResult
    func addNote(conversation: ConversationID, agent: Agent, text: String, at: Date) throws -> Message
    /// Records that the note `message` mentions these agents (`Mentions` decides who).
    func addMentions(message: MessageRowID, agents: [String]) throws

    // MARK: - Drafts
    func saveDraft(_ draft: Draft) throws
    func draft(conversation: ConversationID, agent: String) throws -> Draft?
    func deleteDraft(conversation: ConversationID, agent: String) throws
}

/// The owner was not the one expected (`changeOwner(customer:from:…)`'s refusal, turned into nil).
private struct OwnerMoved: Error {}

extension ConversationStore {
    /// The conditional form of `changeOwner(…checking:)`: nil, and nothing written, when the owner is no
    /// longer `expected` (someone changed it first).
    public func changeOwner(customer: CustomerID, from expected: String?, to owner: String?, by agent: String,
                            note: String?, at: Date) throws -> Assignment? {
        do {
            return try changeOwner(customer: customer, to: owner, by: agent, note: note, at: at) { current in
                if current.owner != expected { throw OwnerMoved() }
            }
        } catch is OwnerMoved {
            return nil
        }
    }
}
