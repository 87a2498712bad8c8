import Foundation

/// Who a reply goes to: the customer in To, and in Cc the other people of the customer's last
/// message in the conversation (reply-all). Pure: the application layer reads the messages and asks.
public struct ReplyRecipients: Sendable, Hashable {
    /// The customer's address, normalised.
    public var to: String
    /// The people copied, normalised, in the order the customer's message named them.
    public var cc: [String]

    public init(to: String, cc: [String] = []) {
        self.to = to
        self.cc = cc
    }

    /// - Parameters:
    ///   - lastFromCustomer: the customer's newest message anywhere: our reply goes where it came from,
    ///     read as ingest read it (`CustomerAddressChoice`: the person in Reply-To when there is one).
    ///   - answered: the customer's newest message in this conversation, whose To and Cc are copied.
    ///   - ownAddresses: the agents' addresses (and the team's), never copied.
    /// - Throws: `RapportError.noHumanAddress` when the only address to write to is a no-reply one.
    public static func decide(customer: Customer, lastFromCustomer: Message?, answered: Message?,
                              ownAddresses: Set<String>) throws -> ReplyRecipients {
        let own = Set(ownAddresses.map(EmailAddress.normalized))
        var to = customer.primaryEmail
        let theirs = Set(customer.addresses.map(EmailAddress.normalized))
        if let last = lastFromCustomer {
            // A Reply-To that is one of the customer's own addresses is where they asked us to write.
            let asked = last.replyTo.map(EmailAddress.normalized).first { theirs.contains($0) && !NoReply.isNoReplyAddress($0) }
            to = asked ?? CustomerAddressChoice.choose(from: NamedAddress(address: last.from),
                                              replyTo: last.replyTo.map { NamedAddress(address: $0) },
                                              isAgent: { own.contains($0) },
                                              senderIsCustomer: theirs.contains(EmailAddress.normalized(last.from))).address
        }
        to = EmailAddress.normalized(to)
        if NoReply.isNoReplyAddress(to) {
            // Another of the customer's own addresses will do; a no-reply one never.
            guard let human = customer.addresses.map(EmailAddress.normalized).first(where: { !NoReply.isNoReplyAddress($0) }) else {
                throw RapportError.noHumanAddress(customer: customer.fullName, address: to)
            }
            to = human
        }
        return ReplyRecipients(to: to, cc: copied(from: answered, to: to, customer: customer, own: own))
    }

    /// The answered message's To and Cc, less agents, the team's shared inboxes (a role address at an
    /// agent's domain: `support@` beside `sam@` is ours), the customer's own addresses, the no-reply
    /// ones and the relay it came through (a From that Reply-To replaced), each once.
    static func copied(from message: Message?, to: String, customer: Customer, own: Set<String>) -> [String] {
        guard let message else { return [] }
        var excluded = own.union(customer.addresses.map(EmailAddress.normalized))
        excluded.insert(to)
        excluded.insert(EmailAddress.normalized(message.from))
        let ourDomains = Set(own.compactMap(domain))
        let isOurInbox = { (address: String) in
            domain(address).map(ourDomains.contains) == true && RoleAddress.isRoleAddress(address)
        }
        var cc: [String] = []
        for address in (message.to + message.cc).map(EmailAddress.normalized)
        where EmailAddress.isPlausible(address) && !NoReply.isNoReplyAddress(address) && !excluded.contains(address)
            && !isOurInbox(address) {
            excluded.insert(address)
            cc.append(address)
        }
        return cc
    }

    static func domain(_ address: String) -> String? {
        address.lastIndex(of: "@").map { String(address[address.index(after: $0)...]) }
    }
}
