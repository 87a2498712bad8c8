import Foundation

/// Which address of a customer's message is the customer: From, or the person in Reply-To.
///
/// Reply-To wins when From is a no-reply or role address (a web form's `no-reply@forms.example`,
/// a shop's `orders@`) and Reply-To offers someone else, or when it names exactly one person other
/// than the sender (a personal assistant writing "reply to my boss") — unless the sender is already
/// a customer: a Reply-To never takes a known customer's mail (or our reply to them) elsewhere, the
/// way a forged From with a stranger's Reply-To would. Reply-To entries that are no-reply addresses
/// or an agent's own are never chosen. Used by ingest (who the customer is) and by replies (where
/// our reply goes), so both read a message the same way.
public enum CustomerAddressChoice {
    public struct Choice: Sendable, Hashable {
        /// Normalised.
        public var address: String
        /// The display name written with the chosen address.
        public var displayName: String?
        /// Chosen from Reply-To rather than From.
        public var viaReplyTo: Bool

        public init(address: String, displayName: String?, viaReplyTo: Bool) {
            self.address = address
            self.displayName = displayName
            self.viaReplyTo = viaReplyTo
        }
    }

    /// - Parameter senderIsCustomer: the (personal) From address is already a customer's.
    public static func choose(from: NamedAddress, replyTo: [NamedAddress], isAgent: (String) -> Bool,
                              senderIsCustomer: Bool = false) -> Choice {
        let sender = EmailAddress.normalized(from.address)
        let fromChoice = Choice(address: sender, displayName: from.name, viaReplyTo: false)
        var seen = Set<String>()
        let offered = replyTo.compactMap { entry -> NamedAddress? in
            let address = EmailAddress.normalized(entry.address)
            guard EmailAddress.isPlausible(address), address != sender, !NoReply.isNoReplyAddress(address),
                  !isAgent(address), seen.insert(address).inserted else { return nil }
            return NamedAddress(name: entry.name, address: address)
        }
        guard !offered.isEmpty else { return fromChoice }
        let pick: NamedAddress?
        if RoleAddress.isRoleAddress(sender) {
            pick = offered.first { RoleAddress.isPersonal($0.address) } ?? offered.first
        } else if !senderIsCustomer, offered.count == 1, replyTo.count == 1, RoleAddress.isPersonal(offered[0].address) {
            pick = offered[0]
        } else {
            pick = nil
        }
        guard let pick else { return fromChoice }
        return Choice(address: pick.address, displayName: pick.name, viaReplyTo: true)
    }
}
