import Foundation
import RapportCore

// The documented JSON shapes of the CLI (README, "JSON fields"). Field names are a contract.

struct AgentJSON: Encodable {
    let login, firstName, lastName, email: String
    init(_ a: Agent) { login = a.login; firstName = a.firstName; lastName = a.lastName; email = a.email }
}

struct CustomerJSON: Encodable {
    let id: Int64
    let email: String
    let addresses: [String]
    let firstName, lastName: String
    let owner: String?
    let existing: Bool
    let created: Date
    let referredBy: String?
    let referralSource: String?

    init(_ c: Customer, referredByEmail: String? = nil) {
        id = c.id; email = c.primaryEmail; addresses = c.addresses; firstName = c.firstName; lastName = c.lastName
        owner = c.owner; existing = c.isExisting; created = c.created
        referredBy = referredByEmail; referralSource = c.referralSource
    }

    // Keep `owner` present as null (synthesised Encodable would omit nil optionals).
    enum CodingKeys: String, CodingKey {
        case id, email, addresses, firstName, lastName, owner, existing, created, referredBy, referralSource
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(email, forKey: .email); try c.encode(addresses, forKey: .addresses)
        try c.encode(firstName, forKey: .firstName); try c.encode(lastName, forKey: .lastName)
        try c.encode(owner, forKey: .owner); try c.encode(existing, forKey: .existing)
        try c.encode(created, forKey: .created); try c.encode(referredBy, forKey: .referredBy)
        try c.encode(referralSource, forKey: .referralSource)
    }
}

struct AssignmentJSON: Encodable {
    let customer: String
    let from, to: String?
    let by: String
    let note: String?
    let at: Date

    enum CodingKeys: String, CodingKey { case customer, from, to, by, note, at }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customer, forKey: .customer); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
        try c.encode(by, forKey: .by); try c.encode(note, forKey: .note); try c.encode(at, forKey: .at)
    }
}

struct ConversationJSON: Encodable {
    let id: Int64
    let customer: String
    let customerName: String
    let owner: String?
    let status: String
    let subject: String
    let lastActivity: Date
    let messages: Int
    let unread: Bool

    enum CodingKeys: String, CodingKey { case id, customer, customerName, owner, status, subject, lastActivity, messages, unread }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(customer, forKey: .customer)
        try c.encode(customerName, forKey: .customerName); try c.encode(owner, forKey: .owner)
        try c.encode(status, forKey: .status); try c.encode(subject, forKey: .subject)
        try c.encode(lastActivity, forKey: .lastActivity); try c.encode(messages, forKey: .messages)
        try c.encode(unread, forKey: .unread)
    }
}
