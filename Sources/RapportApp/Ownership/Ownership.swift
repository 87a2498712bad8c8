import Foundation
import RapportCore

/// Giving a customer an owner, handing them over, and sending them back to Unassigned.
///
/// The rule (`OwnershipRule`: a takeover or a return to Unassigned needs a handoff note) is decided
/// here and run by the store on the customer as they are inside its write transaction, so two agents
/// taking the same customer at once can never both win, the second is told why, and however many
/// write at once nobody fails for having read a moment too early.
public struct Ownership: StoreUseCase {
    public let ports: Ports<any ConversationStore>

    public init(ports: Ports<any ConversationStore>) {
        self.ports = ports
    }

    /// Makes `owner` the customer's owner; taking over from someone else needs a handoff `note`.
    @discardableResult
    public func assign(customer: CustomerID, to owner: String, by agent: String, note: String?) throws -> Assignment {
        try change(customer: customer, to: owner, by: agent, note: note)
    }

    /// Sends the customer back to Unassigned; the handoff `note` is required.
    @discardableResult
    public func unassign(customer: CustomerID, by agent: String, note: String?) throws -> Assignment {
        try change(customer: customer, to: nil, by: agent, note: note)
    }

    /// Sets or clears the owner (the inbox's assign picker does both), logged with the note.
    @discardableResult
    public func change(customer id: CustomerID, to owner: String?, by agent: String, note: String?) throws -> Assignment {
        for login in [owner, agent].compactMap({ $0 }) where try store.agent(login: login) == nil {
            throw RapportError.unknownAgent(login, known: try store.agents().map(\.login))
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try store.changeOwner(customer: id, to: owner, by: agent, note: (note?.isEmpty ?? true) ? nil : note,
                                     at: clock()) { current in
            try OwnershipRule.check(customer: current.fullName, currentOwner: current.owner, newOwner: owner, note: note)
        }
    }

    /// Takes an assignment back: the customer returns to `assignment.from`, logged as a new entry with a
    /// note saying so. Only while `assignment.to` still owns the customer (a conditional write): an owner
    /// changed since is refused, never overwritten.
    @discardableResult
    public func revert(_ assignment: Assignment, by agent: String) throws -> Assignment {
        let note = "undo: the change to \(assignment.to ?? "Unassigned") was taken back"
        return try store.changeOwner(customer: assignment.customerID, to: assignment.from, by: agent, note: note,
                                     at: clock()) { current in
            guard current.owner == assignment.to else {
                throw RapportError.invalid("\(current.fullName) is looked after by \(current.owner ?? "nobody") now")
            }
            try OwnershipRule.check(customer: current.fullName, currentOwner: current.owner, newOwner: assignment.from, note: note)
        }
    }

    /// The customer's assignment log, oldest first.
    public func history(customer: CustomerID) throws -> [Assignment] {
        try store.assignments(customer: customer)
    }
}
