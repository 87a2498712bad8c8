import Foundation

/// What a batch writes, decided by the rules before any write, for a store that writes a batch in a
/// few statements (each statement to PostgreSQL is a round trip). New customers, conversations and
/// messages carry provisional IDs — the n-th new one of its kind is -n — until the store has real
/// ones and calls `resolved(_:)`; the facts answer with provisional IDs meanwhile, and the rules only
/// pass IDs along.
public struct IngestBatchPlan: Sendable {
    public struct NewCustomer: Sendable, Hashable {
        public var id: CustomerID
        public var address: String
        public var firstName: String
        public var lastName: String
        public var nameIsGuess: Bool
        public var created: TimeInterval
    }

    public struct NewConversation: Sendable, Hashable {
        public var id: ConversationID
        public var customer: CustomerID
        public var subject: String
        public var normalizedSubject: String
        public var created: TimeInterval
    }

    public struct StoredMessage: Sendable, Hashable {
        public var id: MessageRowID
        public var conversation: ConversationID
        public var customer: CustomerID
        public var direction: MessageDirection
        public var author: String?
        public var mail: IncomingMail
    }

    /// One file's seen record.
    public struct Seen: Sendable, Hashable {
        public enum Outcome: String, Sendable { case ingested, duplicate, unreadable }
        public var key: String
        public var path: String
        public var dedupKey: String?
        public var message: MessageRowID?
        public var outcome: Outcome
        public var reason: String?
    }

    /// What the batch's messages change in one conversation, as appending them one by one would:
    /// each counts; mail moves the last activity up; the customer writing moves the last inbound up,
    /// reopens it (`ConversationStatus.whenTheCustomerWrites`) and ends a snooze.
    public struct ConversationChange: Sendable, Hashable {
        public var conversation: ConversationID
        public var messages: Int
        public var lastActivity: TimeInterval?
        public var lastInbound: TimeInterval?

        public init(conversation: ConversationID, messages: Int = 0, lastActivity: TimeInterval? = nil, lastInbound: TimeInterval? = nil) {
            self.conversation = conversation
            self.messages = messages
            self.lastActivity = lastActivity
            self.lastInbound = lastInbound
        }
    }

    public private(set) var customers: [NewCustomer] = []
    public private(set) var conversations: [NewConversation] = []
    public private(set) var messages: [StoredMessage] = []
    public private(set) var seen: [Seen] = []
    public private(set) var outcomes: [IngestOutcome] = []

    /// Decides every file of `batch` in order, each seeing what the ones before it store.
    public init(_ batch: [IngestItem], rules: IngestRules, facts: PrefetchedIngestFacts) throws {
        var facts = facts
        for item in batch {
            switch item {
            case let .unreadable(seenKey, path, reason):
                record(Seen(key: seenKey, path: path, dedupKey: nil, message: nil, outcome: .unreadable, reason: reason), .failed(reason))
            case let .mail(mail):
                let filing = try rules.file(mail, facts: facts)
                facts.rememberSeen(dedupKey: mail.dedupKey)
                switch filing {
                case .duplicate:
                    record(seen(mail, .duplicate), .duplicate)
                case let .refused(reason):
                    record(seen(mail, .unreadable, reason: reason), .failed(reason))
                case let .store(placement):
                    let id = store(mail, placement, facts: &facts)
                    record(seen(mail, .ingested, message: id), .ingested(id))
                }
            }
        }
    }

    private func seen(_ mail: IncomingMail, _ outcome: Seen.Outcome, message: MessageRowID? = nil, reason: String? = nil) -> Seen {
        Seen(key: mail.seenKey, path: mail.path, dedupKey: mail.dedupKey, message: message, outcome: outcome, reason: reason)
    }

    private mutating func record(_ seen: Seen, _ outcome: IngestOutcome) {
        self.seen.append(seen)
        outcomes.append(outcome)
    }

    private mutating func store(_ mail: IncomingMail, _ placement: Filing.Placement, facts: inout PrefetchedIngestFacts) -> MessageRowID {
        let at = mail.date.timeIntervalSince1970
        let customer: CustomerID
        switch placement.customer {
        case let .existing(id):
            customer = id
        case let .new(address, first, last, guessed):
            customer = -CustomerID(customers.count + 1)
            customers.append(NewCustomer(id: customer, address: address, firstName: first, lastName: last, nameIsGuess: guessed, created: at))
            facts.rememberCustomer(customer, at: address)
        }
        let conversation: ConversationID
        switch placement.conversation {
        case let .existing(id):
            conversation = id
        case let .new(subject, normalized):
            conversation = -ConversationID(conversations.count + 1)
            conversations.append(NewConversation(id: conversation, customer: customer, subject: subject,
                                                 normalizedSubject: normalized, created: at))
            facts.rememberConversation(IngestAnswers.KnownConversation(id: conversation, customer: customer,
                                                                       normalizedSubject: normalized, lastActivity: at))
        }
        let id = -MessageRowID(messages.count + 1)
        messages.append(StoredMessage(id: id, conversation: conversation, customer: customer, direction: placement.direction,
                                      author: placement.author, mail: mail))
        facts.rememberMessage(mail, direction: placement.direction, conversation: conversation, customer: customer)
        return id
    }

    /// Every conversation the batch's messages go to, with what they change in it, in the order first met.
    public var conversationChanges: [ConversationChange] {
        var changes: [ConversationChange] = []
        var index: [ConversationID: Int] = [:]
        for message in messages {
            let at = message.mail.date.timeIntervalSince1970
            let i = index[message.conversation] ?? {
                changes.append(ConversationChange(conversation: message.conversation))
                index[message.conversation] = changes.count - 1
                return changes.count - 1
            }()
            changes[i].messages += 1
            guard message.direction != .note else { continue }
            changes[i].lastActivity = max(changes[i].lastActivity ?? at, at)
            if message.direction == .inbound { changes[i].lastInbound = max(changes[i].lastInbound ?? at, at) }
        }
        return changes
    }

    /// Customers who become existing ones: an agent wrote to them through Rapport (an authored
    /// outbound message; ingest files none, see `IngestRules.file`).
    public var customersWrittenTo: [CustomerID] {
        Array(Set(messages.filter { $0.direction == .outbound && $0.author != nil }.map(\.customer))).sorted()
    }

    /// The plan with real IDs in place of provisional ones: `customers[n]` for customer -(n+1), and
    /// so on. The store allocates exactly `customers.count`, `conversations.count` and `messages.count`.
    public func resolved(customers customerIDs: [CustomerID], conversations conversationIDs: [ConversationID],
                         messages messageIDs: [MessageRowID]) -> IngestBatchPlan {
        precondition(customerIDs.count == customers.count && conversationIDs.count == conversations.count
                     && messageIDs.count == messages.count, "one real ID for each provisional one")
        func real(_ id: Int64, _ ids: [Int64]) -> Int64 { id < 0 ? ids[Int(-id) - 1] : id }
        var plan = self
        plan.customers = customers.map { var c = $0; c.id = real(c.id, customerIDs); return c }
        plan.conversations = conversations.map {
            var c = $0; c.id = real(c.id, conversationIDs); c.customer = real(c.customer, customerIDs); return c
        }
        plan.messages = messages.map {
            var m = $0
            m.id = real(m.id, messageIDs); m.conversation = real(m.conversation, conversationIDs); m.customer = real(m.customer, customerIDs)
            return m
        }
        plan.seen = seen.map { var s = $0; s.message = s.message.map { real($0, messageIDs) }; return s }
        plan.outcomes = outcomes.map {
            if case let .ingested(id) = $0 { return .ingested(real(id, messageIDs)) }
            return $0
        }
        return plan
    }
}
