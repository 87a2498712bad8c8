import Foundation

/// The rule for making two customer records one person. `into` stays: its owner (the relationship
/// goes on with the same person), its primary address and its name unless that was only guessed.
/// A different owner on `from` loses that customer's conversations, as in a takeover: a handoff note
/// is required. The merge is written in `into`'s assignment log, naming what was merged.
public enum CustomerMerge {
    /// What the store does (see `CustomerRecordStore.mergeCustomers`).
    public struct Plan: Sendable, Hashable {
        public var from, into: CustomerID
        /// The owners the rule was decided on; the store writes only while both are still there.
        public var expectedFromOwner, expectedIntoOwner: String?
        public var firstName, lastName: String
        public var nameIsGuess: Bool
        public var isExisting: Bool
        /// `into` has no answer to "how did you hear about us?" and `from` has one: it moves.
        public var takeReferralOfFrom: Bool
        public var log: Assignment

        public init(from: CustomerID, into: CustomerID, expectedFromOwner: String?, expectedIntoOwner: String?,
                    firstName: String, lastName: String, nameIsGuess: Bool, isExisting: Bool,
                    takeReferralOfFrom: Bool, log: Assignment) {
            self.from = from
            self.into = into
            self.expectedFromOwner = expectedFromOwner
            self.expectedIntoOwner = expectedIntoOwner
            self.firstName = firstName
            self.lastName = lastName
            self.nameIsGuess = nameIsGuess
            self.isExisting = isExisting
            self.takeReferralOfFrom = takeReferralOfFrom
            self.log = log
        }
    }

    public static func plan(from: Customer, into: Customer, by agent: String, note: String?, at: Date) throws -> Plan {
        guard from.id != into.id else {
            throw RapportError.invalid("\(from.primaryEmail) and \(into.primaryEmail) are already one customer")
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if let owner = from.owner, owner != into.owner, note == nil {
            throw RapportError.invalid("\(from.fullName) <\(from.primaryEmail)> is looked after by \(owner): merging them into "
                                       + "\(into.owner.map { "\($0)'s customer" } ?? "an unassigned customer") needs a handoff note")
        }
        let keepsName = !into.nameIsGuess || from.nameIsGuess
        let merged = "merged \(from.fullName) (\(from.addresses.joined(separator: ", "))) into this customer"
        return Plan(from: from.id, into: into.id, expectedFromOwner: from.owner, expectedIntoOwner: into.owner,
                    firstName: keepsName ? into.firstName : from.firstName,
                    lastName: keepsName ? into.lastName : from.lastName,
                    nameIsGuess: keepsName ? into.nameIsGuess : false,
                    isExisting: into.isExisting || from.isExisting,
                    takeReferralOfFrom: !into.hasReferralAnswer && from.hasReferralAnswer && from.referredBy != into.id,
                    log: Assignment(customerID: into.id, from: from.owner, to: into.owner, by: agent,
                                    note: note.map { "\(merged): \($0)" } ?? merged, at: at))
    }

    /// Other customers who are likely the same person as `customer`: the same full name (case and
    /// spacing aside) under another address. A guessed name is no evidence.
    public static func likelyDuplicates(of customer: Customer, among candidates: [Customer]) -> [Customer] {
        guard !customer.nameIsGuess else { return [] }
        let key = comparable(customer.fullName)
        guard key.contains(" ") else { return [] }
        return candidates.filter { $0.id != customer.id && !$0.nameIsGuess && comparable($0.fullName) == key }
    }

    static func comparable(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

fileprivate extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
