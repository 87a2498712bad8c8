import Foundation
import RapportCore

/// Giving a customer an owner, handing them over, and sending them back to Unassigned.
///
/// The ownership rule (`OwnershipRule`: a takeover needs a handoff note) is checked by the store
/// inside the transaction that changes the owner, so two agents taking the same customer at once
/// can never both win; this type is the one door to it for the command line and the inbox.
public struct Ownership {
    public let store: any ConversationStore

    public init(store: any ConversationStore) {
        self.store = store
    }

    /// Makes `owner` the customer's owner; taking over from someone else needs a handoff `note`.
    @discardableResult
    public func assign(customer: CustomerID, to owner: String, by agent: String, note: String?) throws -> Assignment {
        try store.assign(customer: customer, to: owner, by: agent, note: note)
    }

    /// Sends the customer back to Unassigned; the handoff `note` is required.
    @discardableResult
    public func unassign(customer: CustomerID, by agent: String, note: String?) throws -> Assignment {
        try store.assign(customer: customer, to: nil, by: agent, note: note)
    }

    /// Sets or clears the owner, as the inbox's assign picker asks.
    @discardableResult
    public func change(customer: CustomerID, to owner: String?, by agent: String, note: String?) throws -> Assignment {
        try store.assign(customer: customer, to: owner, by: agent, note: note)
    }

    /// The customer's assignment log, oldest first.
    public func history(customer: CustomerID) throws -> [Assignment] {
        try store.assignments(customer: customer)
    }
}
