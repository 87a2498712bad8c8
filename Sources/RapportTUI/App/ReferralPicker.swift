import RapportCore

/// The `R` overlay: how a customer heard about us. Type part of a name or address to pick the
/// customer who referred them, or type any other source ("search", "radio") and choose that line.
public struct ReferralPicker: Sendable, Hashable, FilterPicker {
    /// The customer whose answer is recorded.
    public var customerID: CustomerID
    public var customerName: String
    /// A name, an address or a source, as typed so far.
    public var input = LineInput()
    public var text: String { input.text }
    /// Customers matching `text`, as last found by the store.
    public var matches: [Customer] = []
    public var selected = 0

    public init(customerID: CustomerID, customerName: String) {
        self.customerID = customerID
        self.customerName = customerName
    }

    /// What Enter can record: each matching customer (never the customer themselves), then the typed text as a source.
    public enum Choice: Sendable, Hashable {
        case referrer(Customer)
        case source(String)
    }

    public var choices: [Choice] {
        var out = matches.filter { $0.id != customerID }.map(Choice.referrer)
        let typed = text.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty { out.append(.source(typed)) }
        return out
    }
}
