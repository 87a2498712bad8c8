import Foundation

/// Who a message is from and which way it went: the rule that makes mail an agent sent outbound.
///
/// An agent's own address in From claims the agent wrote it: it is outbound and belongs to the
/// customer it went to, the first recipient who is not an agent. A claim only — anyone can write
/// that From — so ingest files it without an author (`IngestRules.file`). Anything else is inbound,
/// and its customer is the sender, or the person in Reply-To when `CustomerAddressChoice` says so
/// (a web form's no-reply From with the visitor in Reply-To).
public enum Identity: Sendable, Hashable {
    /// From a customer (or anyone who is not an agent): filed under the customer's address.
    /// `displayName` names the customer if the address is new.
    case inbound(customer: String, displayName: String?)
    /// Sent by an agent (their login) to `customer`, the first recipient who is not an agent.
    case outbound(agent: String, customer: String)
    /// Sent by an agent to agents only: no customer to file it under.
    case noCustomer(agent: String)

    /// Decides from the sender, the recipients (To, then Cc) and the agents' addresses.
    /// - Parameter agent: the login of the agent whose normalised address this is, if any.
    /// - Parameter senderIsCustomer: the sender's address is already a customer's (`CustomerAddressChoice`).
    public static func of(from sender: String, displayName: String?, replyTo: [NamedAddress] = [],
                          senderIsCustomer: Bool = false, recipients: [String], agent: (String) -> String?) -> Identity {
        let address = EmailAddress.normalized(sender)
        guard let author = agent(address) else {
            let choice = CustomerAddressChoice.choose(from: NamedAddress(name: displayName, address: sender),
                                                      replyTo: replyTo, isAgent: { agent($0) != nil },
                                                      senderIsCustomer: senderIsCustomer)
            return .inbound(customer: choice.address, displayName: choice.displayName)
        }
        guard let customer = recipients.lazy.map(EmailAddress.normalized).first(where: { agent($0) == nil }) else {
            return .noCustomer(agent: author)
        }
        return .outbound(agent: author, customer: customer)
    }

    public static func of(_ mail: IncomingMail, senderIsCustomer: Bool = false, agent: (String) -> String?) -> Identity {
        of(from: mail.fromAddress, displayName: mail.fromName, replyTo: mail.replyToMailboxes,
           senderIsCustomer: senderIsCustomer, recipients: mail.to + mail.cc, agent: agent)
    }

    public var direction: MessageDirection {
        switch self {
        case .inbound: .inbound
        case .outbound, .noCustomer: .outbound
        }
    }

    /// The agent who wrote it (nil for inbound mail).
    public var author: String? {
        switch self {
        case .inbound: nil
        case let .outbound(agent, _), let .noCustomer(agent): agent
        }
    }

    /// The normalised address of the customer it belongs to (nil when there is none).
    public var customerAddress: String? {
        switch self {
        case let .inbound(customer, _), let .outbound(_, customer): customer
        case .noCustomer: nil
        }
    }

    /// The first and last name for a customer met for the first time at `customerAddress`:
    /// from the display name written with that address when they wrote, from the address when an agent
    /// wrote to them (the display name in To is whatever the agent's address book said).
    public var newCustomerName: PersonName.Guess? {
        switch self {
        case let .inbound(customer, displayName): PersonName.guess(displayName: displayName, address: customer)
        case let .outbound(_, customer): PersonName.guess(displayName: nil, address: customer)
        case .noCustomer: nil
        }
    }

    /// Why it cannot be stored (nil when it can).
    public var refusal: String? {
        switch self {
        case .inbound, .outbound: nil
        case let .noCustomer(agent): "sent by agent \(agent) to no customer address"
        }
    }
}
