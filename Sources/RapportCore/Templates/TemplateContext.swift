import Foundation

/// The variables a template can use.
///
/// `customer.first_name`, `customer.last_name`, `customer.full_name`, `customer.email`,
/// `agent.first_name`, `agent.last_name`, `agent.full_name`, `agent.email`,
/// `conversation.subject`, `event.kind`, `event.effective_date` ("14 March 2026"),
/// `event.effective_date_iso`, `event.details`, `referred.first_name`, `referred.full_name`, `coupon`.
/// Empty values are left out, so `{{#coupon}}…{{/coupon}}` and
/// `{{^customer.first_name}}Hello,{{/customer.first_name}}` work as expected.
public struct TemplateContext: Sendable {
    /// A market-norm event for heads-up templates.
    public typealias Event = HeadsUpNotice

    public var customer: Customer
    public var agent: Agent
    public var subject: String?
    public var event: Event?
    /// The customer who was referred, for thank-you notes.
    public var referred: Customer?
    public var coupon: String?

    public init(customer: Customer, agent: Agent, subject: String? = nil, event: Event? = nil,
                referred: Customer? = nil, coupon: String? = nil) {
        self.customer = customer
        self.agent = agent
        self.subject = subject
        self.event = event
        self.referred = referred
        self.coupon = coupon
    }

    /// The nested dictionaries Mustache renders from.
    var values: [String: Any] {
        var root: [String: Any] = [:]
        root["customer"] = compact([
            "first_name": customer.firstName, "last_name": customer.lastName,
            "full_name": customer.fullName, "email": customer.primaryEmail,
        ])
        root["agent"] = compact([
            "first_name": agent.firstName, "last_name": agent.lastName, "full_name": agent.fullName,
            "email": agent.email, "login": agent.login,
        ])
        root["conversation"] = compact(["subject": subject])
        if let event {
            root["event"] = compact([
                "kind": event.kind, "effective_date": Self.longDate(event.effectiveDate),
                "effective_date_iso": Self.isoDate(event.effectiveDate), "details": event.details,
            ])
        }
        if let referred {
            root["referred"] = compact(["first_name": referred.firstName, "last_name": referred.lastName,
                                        "full_name": referred.fullName])
        }
        if let coupon, !coupon.trimmingCharacters(in: .whitespaces).isEmpty { root["coupon"] = coupon }
        return root
    }

    func compact(_ values: [String: String?]) -> [String: Any] {
        values.compactMapValues { value in
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value
        }
    }

    /// "14 March 2026" — dates are calendar days, so they are read and written in UTC.
    static func longDate(_ date: Date) -> String {
        DateFormatter.utc("d MMMM yyyy", locale: "en_GB").string(from: date)
    }

    static func isoDate(_ date: Date) -> String { ISODate.format(date) }
}
