import Foundation
import RapportCore
import RapportTUI

/// What the composer's effects need besides the conversation store; set up by `openInbox`.
public struct ComposerServices {
    public let outbox: any OutboxStore
    public let templates: TemplateLibrary
    public let delivery: BackgroundDelivery
    /// Runs $VISUAL / $EDITOR on the text with the screen suspended (set by the inbox loop).
    public var editExternally: (String) throws -> String = { _ in throw NoTerminal() }

    public init(outbox: any OutboxStore, templates: TemplateLibrary, delivery: BackgroundDelivery) {
        self.outbox = outbox
        self.templates = templates
        self.delivery = delivery
    }

    struct NoTerminal: Error, CustomStringConvertible {
        var description: String { "no terminal to run an editor in" }
    }
}

extension EffectRunner {
    /// Drafts, sending, notes, templates, the external editor and background delivery.
    func runComposer(_ effect: ComposerEffect, _ services: ComposerServices) -> [AppMsg] {
        switch effect {
        case .loadDraft(let id):
            do {
                return [.composer(.draftLoaded(id, try store.draft(conversation: id, agent: agent.login)))]
            } catch {
                // The editor stays closed to typing: an empty one would overwrite the stored draft.
                return [.failed("Your draft could not be read: \(describe(error)) (Esc closes the composer)")]
            }

        case .saveDraft(let draft):
            do {
                try store.saveDraft(draft)
                return [.composer(.draftSaved(draft.conversationID))]
            } catch {
                return [.composer(.draftSaveFailed(draft.conversationID, reason: describe(error)))]
            }

        case .deleteDraft(let id):
            do {
                try store.deleteDraft(conversation: id, agent: agent.login)
                return [.composer(.draftSaved(id))]
            } catch {
                return [.composer(.draftSaveFailed(id, reason: describe(error)))]
            }

        case let .sendReply(id, text):
            do {
                // Queueing removes the draft in the same transaction.
                let item = try services.outbox.queueReply(conversation: id, agent: agent.login, text: text, at: clock())
                return [.composer(.replyQueued(id, item))]
            } catch {
                return [.composer(.sendFailed(id, reason: describe(error)))]
            }

        case let .addNote(id, text):
            do {
                try store.addNote(conversation: id, agent: agent, text: text, at: clock())
                return [.composer(.noteAdded(id))]
            } catch {
                return [.composer(.sendFailed(id, reason: describe(error)))]
            }

        case .deliverOutbox:
            services.delivery.trigger()
            return []

        case let .editExternally(id, text):
            do {
                return [.composer(.edited(id, text: try services.editExternally(text)))]
            } catch {
                return [.composer(.externalEditFailed(id, reason: describe(error)))]
            }

        case .renderTemplates(let id):
            do {
                return [.composer(.templatesRendered(id, try renderTemplates(id, services.templates),
                                                     problems: services.templates.problems.map(\.description)))]
            } catch {
                return [.composer(.templatesRendered(id, [], problems: [describe(error)]))]
            }
        }
    }

    /// Every template that suits the customer, rendered for them. Heads-up templates need an
    /// upcoming event and thank-you notes an unthanked referral; without one they are left out.
    func renderTemplates(_ id: ConversationID, _ library: TemplateLibrary) throws -> [TemplateChoice] {
        guard let conversation = try store.conversation(id: id) else { throw RapportError.unknownConversation(id) }
        guard let customer = try store.customer(id: conversation.customerID) else {
            throw RapportError.unknownCustomer("#\(conversation.customerID)")
        }
        let profile = try store.customerProfile(id: customer.id, now: clock())
        let event = profile?.upcomingEvents.first { !$0.told }
            .map { TemplateContext.Event(kind: $0.kind, effectiveDate: $0.effectiveDate, details: $0.details) }
        let referral = profile?.referrals.first { !$0.thanked }
        let referred = try referral.flatMap { try store.customer(id: $0.referredID) }
        let context = TemplateContext(customer: customer, agent: agent, subject: conversation.subject, event: event,
                                      referred: referred, coupon: referral?.coupon)
        return library.matching(isExisting: customer.isExisting).compactMap { template in
            switch template.kind {
            case .headsUp where event == nil: return nil
            case .thankYou where referred == nil: return nil
            default: break
            }
            return TemplateChoice(name: template.name, kind: template.kind.rawValue, description: template.description,
                                  text: template.render(context))
        }
    }

    func describe(_ error: any Error) -> String {
        InboxStoreEffects.describe(error)
    }
}
