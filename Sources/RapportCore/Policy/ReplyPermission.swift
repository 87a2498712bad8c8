import Foundation

/// Only a customer's owner may reply to them — or the agent covering while the owner is away;
/// everyone else is pointed at taking over or a note.
public enum ReplyPermission {
    /// nil when `agent` may reply to `customer`; otherwise what the composer shows instead of the editor.
    /// `owner` is the owning agent's record, for their first name; `cover` the owner's absence in force,
    /// if any (`CoverRule.absence`).
    public static func refusal(customer: Customer, owner: Agent?, agent: Agent, cover: Absence? = nil) -> String? {
        let name = customer.firstName.isEmpty ? (customer.primaryEmail.isEmpty ? "This customer" : customer.primaryEmail) : customer.firstName
        guard let ownerLogin = customer.owner else {
            return "\(name) has no owner yet — t to take them, n for an internal note"
        }
        if ownerLogin == agent.login { return nil }
        if let cover, cover.login == ownerLogin, cover.cover == agent.login { return nil }
        let ownerName = owner.map { $0.firstName.isEmpty ? $0.login : $0.firstName } ?? ownerLogin
        return "\(name) is looked after by \(ownerName) — t to take over (handoff note), n for an internal note"
    }
}
