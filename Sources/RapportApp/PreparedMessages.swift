import Foundation
import RapportCore

/// The drafts Rapport prepares for a person to finish and send, rendered from the reply templates
/// (`templates/headsup-<kind>.mustache`, `templates/thankyou-referral.mustache`, or the user's overrides).
public enum PreparedMessages {
    /// Loaded once per process; the shipped templates are found by `TemplateLocator`.
    public static let library = TemplateLibrary.load()

    public static func headsUp(_ row: HeadsUpImport.Row, customer: Customer, owner: Agent?) throws -> PreparedMessage {
        let template = try named("headsup-\(row.kind)")
        return PreparedMessage(
            subject: "Before it happens: a change on \(ISODate.format(row.effectiveDate))",
            text: template.render(TemplateContext(customer: customer, agent: owner ?? unassigned, event: row.notice)))
    }

    public static func thankYou(referrer: Customer, referred: Customer, owner: Agent?, coupon: String?) throws -> PreparedMessage {
        let template = try named("thankyou-referral")
        return PreparedMessage(
            subject: "Thank you for sending \(referred.firstName) our way",
            text: template.render(TemplateContext(customer: referrer, agent: owner ?? unassigned, referred: referred, coupon: coupon)))
    }

    /// A customer in Unassigned has no one to sign yet: the sign-off stays empty until someone takes them.
    public static let unassigned = Agent(login: "", firstName: "", lastName: "", email: "")

    public static func named(_ name: String) throws -> ReplyTemplate {
        if let template = library.template(named: name) { return template }
        let problems = library.problems.map(\.description).joined(separator: "; ")
        throw RapportError.invalid("no template named '\(name)'" + (problems.isEmpty ? "" : " (\(problems))"))
    }
}

extension PreparedMessages {
    /// Event kinds there is a heads-up template for: `headsup-<kind>`.
    public static func headsUpKinds() throws -> Set<String> {
        Set(library.templates.filter { $0.kind == .headsUp && $0.name.hasPrefix("headsup-") }
            .map { String($0.name.dropFirst("headsup-".count)) })
    }
}
