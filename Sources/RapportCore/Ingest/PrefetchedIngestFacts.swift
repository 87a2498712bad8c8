import Foundation

/// Every question a batch's messages can ask the ingest rules (`IngestFacts`), known before any is
/// asked: the Message-IDs the batch holds and refers to, its dedup keys, every address in From,
/// Reply-To, To and Cc (normalised), its normalised subjects. A store whose every lookup is a round
/// trip to a server answers them all in a few queries (`IngestAnswers`) instead of several per message.
public struct IngestQuestions: Sendable, Hashable {
    /// The batch's own Message-IDs: is one stored already?
    public var messageIDs: Set<String> = []
    /// In-Reply-To and References (as `Threading` follows them): which conversations hold them?
    public var referencedIDs: Set<String> = []
    public var dedupKeys: Set<String> = []
    public var addresses: Set<String> = []
    public var subjects: Set<String> = []

    public init(_ batch: [IngestItem]) {
        for case let .mail(mail) in batch {
            if let id = mail.messageID { messageIDs.insert(id) }
            referencedIDs.formUnion(Threading.referenced(inReplyTo: mail.inReplyTo, references: mail.references))
            dedupKeys.insert(mail.dedupKey)
            for address in [mail.fromAddress] + mail.replyTo + mail.to + mail.cc {
                addresses.insert(EmailAddress.normalized(address))
            }
            subjects.insert(Threading.subject(mail.subject).normalized)
        }
    }
}

/// What the store read for `IngestQuestions`, before the batch's first write.
public struct IngestAnswers: Sendable, Hashable {
    /// A conversation as threading by subject needs it.
    public struct KnownConversation: Sendable, Hashable {
        public var id: ConversationID
        public var customer: CustomerID
        public var normalizedSubject: String
        public var lastActivity: TimeInterval

        public init(id: ConversationID, customer: CustomerID, normalizedSubject: String, lastActivity: TimeInterval) {
            self.id = id
            self.customer = customer
            self.normalizedSubject = normalizedSubject
            self.lastActivity = lastActivity
        }
    }

    /// A conversation holding a message, with its customer.
    public struct Holder: Sendable, Hashable {
        public var conversation: ConversationID
        public var customer: CustomerID

        public init(conversation: ConversationID, customer: CustomerID) {
            self.conversation = conversation
            self.customer = customer
        }
    }

    /// Those of the batch's Message-IDs some stored message has.
    public var storedMessageIDs: Set<String>
    /// Those of the batch's dedup keys an earlier file had.
    public var seenDedupKeys: Set<String>
    /// Agent logins by normalised address.
    public var agents: [String: String]
    /// The customers at the asked addresses (as asked: normalised).
    public var customers: [String: CustomerID]
    /// The conversations holding each referenced Message-ID.
    public var holders: [String: [Holder]]
    /// The found customers' conversations whose normalised subject is one of the batch's.
    public var conversations: [KnownConversation]

    public init(storedMessageIDs: Set<String>, seenDedupKeys: Set<String>, agents: [String: String],
                customers: [String: CustomerID], holders: [String: [Holder]], conversations: [KnownConversation]) {
        self.storedMessageIDs = storedMessageIDs
        self.seenDedupKeys = seenDedupKeys
        self.agents = agents
        self.customers = customers
        self.holders = holders
        self.conversations = conversations
    }
}

/// `IngestFacts` answered from `IngestAnswers`, kept true while the batch is decided: what the batch
/// itself stores (`remember…`) is what a store reading inside the batch's transaction would see.
/// A question outside the foreseen ones throws `Unforeseen`, and the store then files the batch the
/// slow way, one lookup at a time: an answer from memory is never a guess.
public struct PrefetchedIngestFacts: IngestFacts {
    public struct Unforeseen: Error, CustomStringConvertible {
        public var question: String
        public var description: String { "ingest asked a question its batch did not foresee: \(question)" }
    }

    private let questions: IngestQuestions
    private var answers: IngestAnswers
    /// Indexes into `answers.conversations` by customer and normalised subject.
    private var bySubject: [SubjectKey: [Int]] = [:]
    private var conversationIndex: [ConversationID: Int] = [:]

    private struct SubjectKey: Hashable {
        var customer: CustomerID
        var subject: String
    }

    public init(questions: IngestQuestions, answers: IngestAnswers) {
        self.questions = questions
        self.answers = answers
        for (position, conversation) in answers.conversations.enumerated() { index(conversation, at: position) }
    }

    private mutating func index(_ conversation: IngestAnswers.KnownConversation, at position: Int) {
        bySubject[SubjectKey(customer: conversation.customer, subject: conversation.normalizedSubject), default: []].append(position)
        conversationIndex[conversation.id] = position
    }

    public func isStored(messageID: String) throws -> Bool {
        guard questions.messageIDs.contains(messageID) || answers.storedMessageIDs.contains(messageID) else {
            throw Unforeseen(question: "is \(messageID) stored")
        }
        return answers.storedMessageIDs.contains(messageID)
    }

    public func isSeen(dedupKey: String) throws -> Bool {
        guard questions.dedupKeys.contains(dedupKey) else { throw Unforeseen(question: "was \(dedupKey) seen") }
        return answers.seenDedupKeys.contains(dedupKey)
    }

    public func agent(at address: String) -> String? {
        answers.agents[address]
    }

    public func customer(at address: String) throws -> CustomerID? {
        if let id = answers.customers[address] { return id }
        guard questions.addresses.contains(address) else { throw Unforeseen(question: "whose address is \(address)") }
        return nil
    }

    public func conversation(of customer: CustomerID, holding messageID: String) throws -> ConversationID? {
        guard questions.referencedIDs.contains(messageID) else { throw Unforeseen(question: "which conversation holds \(messageID)") }
        return answers.holders[messageID]?.first { $0.customer == customer }?.conversation
    }

    public func conversation(of customer: CustomerID, normalizedSubject: String,
                             activeIn activity: ClosedRange<TimeInterval>) throws -> ConversationID? {
        guard questions.subjects.contains(normalizedSubject) else {
            throw Unforeseen(question: "which conversation is about \(normalizedSubject)")
        }
        let candidates = bySubject[SubjectKey(customer: customer, subject: normalizedSubject)] ?? []
        return candidates.map { answers.conversations[$0] }.filter { activity.contains($0.lastActivity) }
            .max { $0.lastActivity < $1.lastActivity }?.id
    }

    // MARK: What the batch writes, as the store would then answer

    /// A file of the batch was recorded as seen under this dedup key (stored, duplicate or refused).
    public mutating func rememberSeen(dedupKey: String) {
        answers.seenDedupKeys.insert(dedupKey)
    }

    public mutating func rememberCustomer(_ id: CustomerID, at address: String) {
        answers.customers[address] = id
    }

    public mutating func rememberConversation(_ conversation: IngestAnswers.KnownConversation) {
        answers.conversations.append(conversation)
        index(conversation, at: answers.conversations.count - 1)
    }

    /// A message stored in `conversation`: its Message-ID is taken, and the conversation's last
    /// activity moves up to its date (as the store's write does for mail either way; notes do not).
    public mutating func rememberMessage(_ mail: IncomingMail, direction: MessageDirection,
                                         conversation: ConversationID, customer: CustomerID) {
        if let id = mail.messageID {
            answers.storedMessageIDs.insert(id)
            answers.holders[id, default: []].append(IngestAnswers.Holder(conversation: conversation, customer: customer))
        }
        if direction != .note, let index = conversationIndex[conversation] {
            answers.conversations[index].lastActivity = max(answers.conversations[index].lastActivity,
                                                            mail.date.timeIntervalSince1970)
        }
    }
}
