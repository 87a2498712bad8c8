import RapportCore

/// The `R` overlay: how a customer heard about us. Type part of a name or address to pick the
/// customer who referred them, or type any other source ("search", "radio") and choose that line.
/// The same picker chooses whom a new conversation is with (`m`): then only customers are offered.
public struct ReferralPicker: Sendable, Hashable, FilterPicker {
    public enum Purpose: Sendable, Hashable {
        case referral
        case newMessage
    }

    public var purpose: Purpose = .referral
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

    /// A picker for the customer a new conversation is with.
    public static func newMessage() -> ReferralPicker {
        var picker = ReferralPicker(customerID: 0, customerName: "")
        picker.purpose = .newMessage
        return picker
    }

    /// What Enter can choose: each matching customer (never the customer themselves), then, for a referral,
    /// the typed text as a source.
    public enum Choice: Sendable, Hashable {
        case customer(Customer)
        case source(String)
    }

    public var choices: [Choice] {
        var out = matches.filter { $0.id != customerID }.map(Choice.customer)
        let typed = text.trimmingCharacters(in: .whitespaces)
        if purpose == .referral, !typed.isEmpty { out.append(.source(typed)) }
        return out
    }
}
