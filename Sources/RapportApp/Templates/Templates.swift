import Foundation
import RapportCore

/// Choosing reply templates for a customer: the composer's Ctrl-T list.
public struct Templates {
    public let store: any ConversationStore
    public let library: TemplateLibrary
    public var clock: () -> Date

    public init(store: any ConversationStore, library: TemplateLibrary, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.library = library
        self.clock = clock
    }

    /// Every template that suits the conversation's customer, rendered for them and signed by `agent`.
    /// Heads-up templates need an upcoming event not yet told, thank-you notes an unthanked referral;
    /// without one they are left out.
    public func choices(conversation id: ConversationID, agent: Agent) throws -> [RenderedTemplate] {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        guard let customer = try store.customer(id: conversation.customerID) else {
            throw RapportError.unknownCustomer("#\(conversation.customerID)")
        }
        let profile = try store.customerProfile(id: customer.id, now: clock())
        let event = profile?.upcomingEvents.first { !$0.told }?.notice
        let referral = profile?.referrals.first { !$0.thanked }
        let referred = try referral.flatMap { try store.customer(id: $0.referredID) }
        let context = TemplateContext(customer: customer, agent: agent, subject: conversation.subject, event: event,
                                      referred: referred, coupon: referral?.coupon)
        return library.matching(isExisting: customer.isExisting).compactMap { template in
            switch template.kind {
            case .headsUp: if event == nil { return nil }
            case .thankYou: if referred == nil { return nil }
            case .reply, .checkIn: break
            }
            return RenderedTemplate(name: template.name, kind: template.kind.rawValue, description: template.description,
                                    text: template.render(context))
        }
    }

    /// Problems met while loading the library (shown beside the choices).
    public var problems: [String] { library.problems.map(\.description) }
}
