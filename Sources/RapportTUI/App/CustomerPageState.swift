import RapportCore

/// The customer's page (`c`): everything about them, their conversations to choose from.
public struct CustomerPageState: Sendable, Hashable {
    public var customerID: CustomerID
    /// nil until the store answers.
    public var page: CustomerPage?
    /// The chosen conversation (index into `page.conversations`).
    public var selected = 0
    /// First line shown.
    public var scroll = 0

    public init(customerID: CustomerID) { self.customerID = customerID }

    public var selectedConversation: CustomerConversation? {
        guard let rows = page?.conversations, rows.indices.contains(selected) else { return nil }
        return rows[selected]
    }
}

/// The effects of finding and keeping customers (answered by `CustomersMsg`).
public enum CustomersEffect: Sendable, Hashable {
    /// Read the customer's page (answered by `.pageLoaded`).
    case openPage(CustomerID)
    /// How many conversations a search matches (answered by `.searchCounted`).
    case countSearch(text: String, ConversationQuery)
    /// Set a customer's name as a person gives it (answered by `.changed`).
    case rename(CustomerID, firstName: String, lastName: String)
    /// Make `from` part of `into` (answered by `.changed`); `note` is the handoff note.
    case merge(from: CustomerID, into: CustomerID, note: String?)
    /// Add an address to the customer, or take one off them (answered by `.changed`).
    case editAddress(CustomerID, String, adding: Bool)
}

public enum CustomersMsg: Sendable, Hashable {
    case pageLoaded(CustomerPage)
    /// The customer is no longer there (merged into another in some inbox).
    case pageGone(CustomerID)
    case searchCounted(text: String, count: Int)
    /// A rename or merge was made; the text says what.
    case changed(String)
}

/// How many conversations the search shown matched (counted up to `SearchCount.cap`).
public struct SearchCount: Sendable, Hashable {
    public var text: String
    public var count: Int
    public static let cap = 1_000

    public var label: String {
        count >= Self.cap ? "\(Self.cap)+ matches" : count == 1 ? "1 match" : "\(count) matches"
    }
}
