import Foundation

/// One change of a customer's owner, as written to the assignment log.
public struct Assignment: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// Previous owner login; nil when the customer was unassigned.
    public var from: String?
    /// New owner login; nil when the customer goes back to Unassigned.
    public var to: String?
    /// The agent who made the change.
    public var by: String
    /// The handoff note; required when taking a customer from another owner.
    public var note: String?
    public var at: Date

    public init(customerID: CustomerID, from: String?, to: String?, by: String, note: String?, at: Date) {
        self.customerID = customerID
        self.from = from
        self.to = to
        self.by = by
        self.note = note
        self.at = at
    }
}
