import Foundation

/// Everything ingest decides about one parsed message, as one value a store adapter is handed:
/// duplicate or not (`Duplicate`), who it is from and which way it went (`Identity`), which
/// customer and which conversation (`Threading`). The adapter answers the questions (`IngestFacts`)
/// and writes what `file` returns; it decides nothing itself.
public struct IngestRules: Sendable, Hashable {
    public var threading: Threading

    public init(threading: Threading = Threading()) {
        self.threading = threading
    }

    public init(threadWindow: TimeInterval) {
        self.init(threading: Threading(window: threadWindow))
    }

    public static let standard = IngestRules()

    /// What to do with one message, in the order the questions matter: a duplicate is never
    /// looked at further; mail that cannot be filed under a customer is refused before any
    /// customer or conversation is chosen.
    public func file(_ mail: IncomingMail, facts: some IngestFacts) throws -> Filing {
        if try Duplicate.isDuplicate(mail, facts: facts) { return .duplicate }
        // Asked only when a Reply-To names someone other than the sender: most mail has none, or its own.
        let sender = EmailAddress.normalized(mail.fromAddress)
        let senderIsCustomer = try mail.replyToMailboxes.contains { EmailAddress.normalized($0.address) != sender }
            && facts.customer(at: sender) != nil
        let identity = Identity.of(mail, senderIsCustomer: senderIsCustomer, agent: facts.agent(at:))
        guard let address = identity.customerAddress else {
            return .refused(identity.refusal ?? "no customer address")
        }
        let known = try facts.customer(at: address)
        let customer: Filing.Customer
        if let known {
            customer = .existing(known)
        } else {
            // Guessed only for a customer met now: made for every message, the guess cost ~2% of an ingest.
            let name = identity.newCustomerName ?? PersonName.Guess(first: address, last: "", isGuess: true)
            customer = .new(address: address, firstName: name.first, lastName: name.last, nameIsGuess: name.isGuess)
        }
        // An agent's address in From is only a claim: what Rapport sent comes back with its own
        // Message-ID and was a duplicate above. So this one is filed without an author — shown with a
        // warning, counted as nobody's reply (told, thanked, first reply, waiting on us, same person).
        return .store(Filing.Placement(
            direction: identity.direction, author: nil, customer: customer,
            conversation: try threading.place(mail, customer: known, facts: facts)))
    }
}

/// The rules' answer for one message: what the store writes.
public enum Filing: Sendable, Hashable {
    /// Already stored: only the file is recorded as seen.
    case duplicate
    /// Not stored, for this reason (recorded with the file).
    case refused(String)
    /// Stored as a message of this customer and conversation.
    case store(Placement)

    /// A customer: one who has the address, or a new one (unassigned, not existing) to create with it,
    /// whose name may be only a guess (`PersonName.Guess`).
    public enum Customer: Sendable, Hashable {
        case existing(CustomerID)
        case new(address: String, firstName: String, lastName: String, nameIsGuess: Bool)
    }

    public struct Placement: Sendable, Hashable {
        public var direction: MessageDirection
        /// The agent who wrote it, for what Rapport itself sent; never set by ingest (see `file`).
        public var author: String?
        public var customer: Customer
        public var conversation: Threading.Decision

        public init(direction: MessageDirection, author: String?, customer: Customer, conversation: Threading.Decision) {
            self.direction = direction
            self.author = author
            self.customer = customer
            self.conversation = conversation
        }
    }
}
