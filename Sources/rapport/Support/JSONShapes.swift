import Foundation
import RapportCore

// The documented JSON shapes of the CLI (README, "JSON fields"). Field names are a contract; an absent
// optional is `null`, never a missing key (`EncodedAsNull`).

struct AgentJSON: Encodable {
    let login, firstName, lastName, email: String
    init(_ a: Agent) { login = a.login; firstName = a.firstName; lastName = a.lastName; email = a.email }
}

struct CustomerJSON: Encodable {
    let id: Int64
    let email: String
    let addresses: [String]
    let firstName, lastName: String
    @EncodedAsNull var owner: String?
    let existing: Bool
    /// The name was guessed from an address (a customer import sets the real one).
    let nameGuessed: Bool
    let created: Date
    @EncodedAsNull var referredBy: String?
    @EncodedAsNull var referralSource: String?

    init(_ c: Customer, referredByEmail: String? = nil) {
        id = c.id; email = c.primaryEmail; addresses = c.addresses; firstName = c.firstName; lastName = c.lastName
        owner = c.owner; existing = c.isExisting; nameGuessed = c.nameIsGuess; created = c.created
        referredBy = referredByEmail; referralSource = c.referralSource
    }
}

struct AssignmentJSON: Encodable {
    let customer: String
    @EncodedAsNull var from: String?
    @EncodedAsNull var to: String?
    let by: String
    @EncodedAsNull var note: String?
    let at: Date
}

/// The fields every conversation's JSON opens with (`conversations`, `search`, `show`, `snoozed`): `id`,
/// `customer` (primary email), `customer_name`, `owner` (or null), `status`, `subject`.
struct ConversationHeadJSON: Encodable {
    let id: Int64
    let customer: String
    let customerName: String
    @EncodedAsNull var owner: String?
    let status: String
    let subject: String

    init(id: Int64, customer: String, customerName: String, owner: String?, status: String, subject: String) {
        self.id = id; self.customer = customer; self.customerName = customerName
        self.owner = owner; self.status = status; self.subject = subject
    }

    /// A customer that is gone reads as empty strings and no owner, as the listings always printed it.
    init(_ c: Conversation, customer: Customer?) {
        self.init(id: c.id, customer: customer?.primaryEmail ?? "", customerName: customer?.fullName ?? "",
                  owner: customer?.owner, status: c.status.rawValue, subject: c.subject)
    }
}

/// A conversation's head and one command's own fields (`Rest`) as one flat JSON object: both encode
/// into the same keyed container, so the keys sit side by side, not nested.
struct HeadedJSON<Rest: Encodable>: Encodable {
    let head: ConversationHeadJSON
    let rest: Rest

    func encode(to encoder: any Encoder) throws {
        try head.encode(to: encoder)
        try rest.encode(to: encoder)
    }
}

/// The fields of `conversations`/`search --json` after the head (`HeadedJSON<ConversationJSON>`).
struct ConversationJSON: Encodable {
    let lastActivity: Date
    let messages: Int
    let unread: Bool
    /// Since when it waits on us (the customer wrote last, and it is open); null when it does not.
    @EncodedAsNull var waitingSince: Date?
    /// Its replies not yet delivered (queued, sending, failed, needing a decision); empty when none.
    let outbox: [Delivery]

    struct Delivery: Encodable {
        let id: Int64
        let state: String
        @EncodedAsNull var error: String?
    }
}
