import Foundation

/// The rule for changing a customer's owner, independent of any store.
public enum OwnershipRule {
    /// Decides whether a change of owner may happen.
    /// - Assigning an unassigned customer needs no note.
    /// - Taking a customer from another owner (or sending them back to Unassigned) needs a non-empty
    ///   handoff note, so the next person knows what was going on.
    /// - Assigning a customer to the owner they already have is refused as a no-op.
    public static func check(customer: String, currentOwner: String?, newOwner: String?, note: String?) throws {
        if currentOwner == newOwner {
            if let owner = currentOwner { throw RapportError.alreadyOwner(customer: customer, owner: owner) }
            throw RapportError.invalid("\(customer) is already unassigned")
        }
        if let current = currentOwner, (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw RapportError.handoffNoteRequired(customer: customer, owner: current)
        }
    }
}
