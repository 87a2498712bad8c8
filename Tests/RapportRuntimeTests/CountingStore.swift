import Foundation
import RapportCore

/// A store that counts the inbox's list reads (pages and counts) and passes everything to `base`.
final class CountingStore: WorkflowStore, ChangeFeed, PresenceStore, @unchecked Sendable {
    let base: any WorkflowStore & ChangeFeed & PresenceStore
    private let lock = NSLock()
    private var pages = 0
    private var countReads = 0

    init(_ base: any WorkflowStore & ChangeFeed & PresenceStore) { self.base = base }

    /// (pages read, counts read) since the last call.
    func takeReads() -> (pages: Int, counts: Int) {
        lock.withLock {
            defer { pages = 0; countReads = 0 }
            return (pages, countReads)
        }
    }

    // MARK: - Counted

    func conversations(_ query: ConversationQuery, from cursor: PageCursor?, direction: PageDirection,
                       limit: Int, agent: String) throws -> [ConversationSummary] {
        lock.withLock { pages += 1 }
        return try base.conversations(query, from: cursor, direction: direction, limit: limit, agent: agent)
    }

    func counts(agent: String) throws -> InboxCounts {
        lock.withLock { countReads += 1 }
        return try base.counts(agent: agent)
    }

    // MARK: - Passed on

    var origin: String { base.origin }
    func changeToken() throws -> Int { try base.changeToken() }
    func latestChange() throws -> Int64 { try base.latestChange() }
    func changes(since sequence: Int64) throws -> StoreChanges { try base.changes(since: sequence) }

    func recordPresence(_ mark: PresenceMark) throws { try base.recordPresence(mark) }
    func clearPresence(agent: String) throws { try base.clearPresence(agent: agent) }
    func presence(since: Date) throws -> [PresenceMark] { try base.presence(since: since) }

    func vouchedIdentity() throws -> VouchedIdentity { try base.vouchedIdentity() }
    func agents() throws -> [Agent] { try base.agents() }
    func agent(login: String) throws -> Agent? { try base.agent(login: login) }
    func addAgent(_ agent: Agent) throws { try base.addAgent(agent) }
    func addCustomer(_ new: NewCustomer, by agent: String?) throws -> Customer { try base.addCustomer(new, by: agent) }
    func customer(id: CustomerID) throws -> Customer? { try base.customer(id: id) }
    func customer(email: String) throws -> Customer? { try base.customer(email: email) }
    func customers(owner: OwnerFilter) throws -> [Customer] { try base.customers(owner: owner) }
    func addAddress(_ email: String, to customer: CustomerID) throws { try base.addAddress(email, to: customer) }
    func customerProfile(id: CustomerID, now: Date) throws -> CustomerProfile? { try base.customerProfile(id: id, now: now) }
    func changeOwner(customer: CustomerID, to owner: String?, by agent: String, note: String?, at: Date,
                     checking check: (Customer) throws -> Void) throws -> Assignment {
        try base.changeOwner(customer: customer, to: owner, by: agent, note: note, at: at, checking: check)
    }
    func assignments(customer: CustomerID) throws -> [Assignment] { try base.assignments(customer: customer) }
    func setAbsence(_ absence: Absence) throws { try base.setAbsence(absence) }
    func endAbsence(login: String) throws -> Absence? { try base.endAbsence(login: login) }
    func absences() throws -> [Absence] { try base.absences() }
    func addMentions(message: MessageRowID, agents: [String]) throws { try base.addMentions(message: message, agents: agents) }
    func forYou(agent: String, limit: Int) throws -> [ForYouItem] { try base.forYou(agent: agent, limit: limit) }
    func forYouReadAt(agent: String) throws -> Date? { try base.forYouReadAt(agent: agent) }
    func markForYouRead(agent: String, at: Date) throws { try base.markForYouRead(agent: agent, at: at) }
    func coverLog(customer: CustomerID) throws -> [CoverEntry] { try base.coverLog(customer: customer) }
    func conversation(id: ConversationID) throws -> Conversation? { try base.conversation(id: id) }
    func openConversationCounts() throws -> [String: Int] { try base.openConversationCounts() }
    func setStatus(_ status: ConversationStatus, conversation: ConversationID) throws {
        try base.setStatus(status, conversation: conversation)
    }
    func markSeen(conversation: ConversationID, agent: String, at: Date) throws {
        try base.markSeen(conversation: conversation, agent: agent, at: at)
    }
    func setSnooze(conversation: ConversationID, until: Date?) throws {
        try base.setSnooze(conversation: conversation, until: until)
    }
    func snoozedConversations() throws -> [Conversation] { try base.snoozedConversations() }
    func wakeConversation(_ id: ConversationID, at: Date) throws -> Bool { try base.wakeConversation(id, at: at) }
    func markUnread(conversation: ConversationID, agent: String) throws {
        try base.markUnread(conversation: conversation, agent: agent)
    }
    func message(id: MessageRowID) throws -> Message? { try base.message(id: id) }
    func messages(conversation: ConversationID) throws -> [Message] { try base.messages(conversation: conversation) }
    func startConversation(customer: CustomerID, subject: String, at: Date) throws -> Conversation {
        try base.startConversation(customer: customer, subject: subject, at: at)
    }
    func appendMessage(_ message: NewMessage) throws -> Message { try base.appendMessage(message) }
    func addNote(conversation: ConversationID, agent: Agent, text: String, at: Date) throws -> Message {
        try base.addNote(conversation: conversation, agent: agent, text: text, at: at)
    }
    func saveDraft(_ draft: Draft) throws { try base.saveDraft(draft) }
    func draft(conversation: ConversationID, agent: String) throws -> Draft? { try base.draft(conversation: conversation, agent: agent) }
    func deleteDraft(conversation: ConversationID, agent: String) throws { try base.deleteDraft(conversation: conversation, agent: agent) }
    func recordReferral(customer: CustomerID, referrer: CustomerID?, source: String?, coupon: String?,
                        thankYou: PreparedMessage?, at: Date) throws {
        try base.recordReferral(customer: customer, referrer: referrer, source: source, coupon: coupon, thankYou: thankYou, at: at)
    }
    func referrals(unthankedOnly: Bool) throws -> [ReferralRecord] { try base.referrals(unthankedOnly: unthankedOnly) }
    func findCustomers(matching text: String, limit: Int) throws -> [Customer] { try base.findCustomers(matching: text, limit: limit) }
    func renameCustomer(_ id: CustomerID, firstName: String, lastName: String) throws {
        try base.renameCustomer(id, firstName: firstName, lastName: lastName)
    }
    func removeAddress(_ email: String, from customer: CustomerID) throws { try base.removeAddress(email, from: customer) }
    func mergeCustomers(_ plan: CustomerMerge.Plan) throws -> Assignment? { try base.mergeCustomers(plan) }
    func customerConversations(_ id: CustomerID, agent: String) throws -> [CustomerConversation] {
        try base.customerConversations(id, agent: agent)
    }
    func countConversations(_ query: ConversationQuery, agent: String, cap: Int) throws -> Int {
        try base.countConversations(query, agent: agent, cap: cap)
    }
    func customers(named fullName: String, limit: Int) throws -> [Customer] { try base.customers(named: fullName, limit: limit) }
    func thankYouQueue(agent: String) throws -> [ThankYouItem] { try base.thankYouQueue(agent: agent) }
    func importHeadsUps(_ rows: [HeadsUpImport.Row],
                        message: (HeadsUpImport.Row, Customer, Agent?) throws -> PreparedMessage) throws -> Int {
        try base.importHeadsUps(rows, message: message)
    }
    func headsUpQueue(agent: String) throws -> [HeadsUpItem] { try base.headsUpQueue(agent: agent) }
    func headsUpStatus(now: Date) throws -> [HeadsUpStatusRow] { try base.headsUpStatus(now: now) }
    func importCustomers(_ rows: [CustomerImport.Row], reassign: Bool, by agent: String) throws -> CustomerImportResult {
        try base.importCustomers(rows, reassign: reassign, by: agent)
    }
    func importConflicts(in rows: [CustomerImport.Row]) throws -> [ImportConflict] { try base.importConflicts(in: rows) }
    func teamStats(now: Date, period: DateInterval?) throws -> TeamStats { try base.teamStats(now: now, period: period) }
    func quietCustomers(agent: String, days: Int, now: Date) throws -> [QuietCustomer] {
        try base.quietCustomers(agent: agent, days: days, now: now)
    }
}
