import Foundation

/// Who among an agent's customers has gone quiet: nobody on the team has written to them within `days`
/// (or, never written to, they were added before then), longest quiet first. Stores hand over every
/// candidate as plain facts; this rule decides, so every adapter answers alike.
public enum QuietCustomers {
    /// One of the agent's customers as stored; times are seconds since 1970, as the store keeps them,
    /// so the cutoff compares exactly what was written.
    public struct Candidate: Sendable, Hashable {
        public var customerID: CustomerID
        public var name, email: String
        public var created: Double
        /// Our newest message to them, nil if we never wrote.
        public var lastWritten: Double?
        public var lastConversationID: ConversationID?

        public init(customerID: CustomerID, name: String, email: String, created: Double, lastWritten: Double?,
                    lastConversationID: ConversationID?) {
            self.customerID = customerID
            self.name = name
            self.email = email
            self.created = created
            self.lastWritten = lastWritten
            self.lastConversationID = lastConversationID
        }
    }

    /// Never-written-to customers come first (they have no date), then the oldest last message.
    public static func select(_ candidates: [Candidate], days: Int, now: Date) -> [QuietCustomer] {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400).timeIntervalSince1970
        return candidates.compactMap { c -> QuietCustomer? in
            guard (c.lastWritten ?? c.created) < cutoff else { return nil }
            return QuietCustomer(customerID: c.customerID, name: c.name, email: c.email,
                                 lastWrittenTo: c.lastWritten.map(Date.init(timeIntervalSince1970:)),
                                 daysQuiet: c.lastWritten.map { Int((now.timeIntervalSince1970 - $0) / 86_400) },
                                 lastConversationID: c.lastConversationID)
        }.sorted { ($0.lastWrittenTo ?? .distantPast) < ($1.lastWrittenTo ?? .distantPast) }
    }
}
