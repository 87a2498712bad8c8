import Foundation
import RapportCore

/// The people the policy tests write to and as.
enum Fixtures {
    static let sam = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@acme.example")
    static let dana = customer("Dana", "Whitfield")
    static let will = customer("Will", "Turner")
    static let may = customer("May", "Chen")
    static let hope = customer("Hope", "Adeyemi")
    static let newPat = customer("Pat", "Lee", existing: false)

    static func customer(_ first: String, _ last: String, existing: Bool = true, source: String? = nil) -> Customer {
        Customer(id: 1, firstName: first, lastName: last, owner: "sam",
                 addresses: ["\(first.lowercased())@example.com"], created: Date(timeIntervalSince1970: 0),
                 isExisting: existing, referralSource: source)
    }

    /// The rule ids of the violations, in order.
    static func rules(_ draft: String, to customer: Customer = dana, from agent: Agent = sam,
                      existing: Bool? = nil, limits: PolicyLimits = .standard) -> [String] {
        violations(draft, to: customer, from: agent, existing: existing, limits: limits).map(\.rule.rawValue)
    }

    static func violations(_ draft: String, to customer: Customer = dana, from agent: Agent = sam,
                           existing: Bool? = nil, limits: PolicyLimits = .standard) -> [Violation] {
        ReplyPolicy.check(draft, customer: customer, agent: agent, isExisting: existing ?? customer.isExisting, limits: limits)
    }
}
