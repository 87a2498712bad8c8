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

struct ConversationJSON: Encodable {
    let id: Int64
    let customer: String
    let customerName: String
    @EncodedAsNull var owner: String?
    let status: String
    let subject: String
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
