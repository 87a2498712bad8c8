import Foundation
import RapportCore
import RapportTUI

/// Performs the inbox's effects against the store and answers with messages for `update`.
/// The only code of the inbox that touches the store. Refusals and failures come back as
/// messages too: the inbox shows them and goes on.
struct EffectRunner {
    let store: any WorkflowStore
    let agent: Agent
    var clock: () -> Date = Date.init
    /// Outbox, templates, delivery and the external editor, for the composer's effects.
    var composer: ComposerServices?

    /// Runs one store effect. `.redraw` and `.quit` belong to the loop and give nothing here.
    func perform(_ effect: Effect) -> [AppMsg] {
        do {
            return try run(effect)
        } catch {
            if case let .assign(customer, _, _) = effect {
                return [.assignFailed(customer, reason: describe(error))]
            }
            return [.failed(describe(error))]
        }
    }

    private func run(_ effect: Effect) throws -> [AppMsg] {
        switch effect {
        case .loadPage(let request):
            if case .view(let view) = request.source, view.isWorklist {
                return [.pageLoaded(request, try WorklistLoader.page(view, request, store: store, agent: agent))]
            }
            let page = try PageLoader.load(request, fetch: { query, cursor, direction, limit in
                try store.conversations(query, from: cursor, direction: direction, limit: limit, agent: agent.login)
            }, locate: { id in
                try store.conversation(id: id).map { PageCursor(lastActivity: $0.lastActivity, id: $0.id) }
            })
            return [.pageLoaded(request, page)]

        case .loadCounts:
            return [.countsLoaded(try store.counts(agent: agent.login))]

        case .loadAgents:
            return [.agentsLoaded(try store.agents())]

        case .openConversation(let id):
            guard let conversation = try store.conversation(id: id) else {
                throw RapportError.unknownConversation(id)
            }
            let messages = try store.messages(conversation: id)
            let profile = try store.customerProfile(id: conversation.customerID, now: clock())
            return [.threadLoaded(ThreadData(conversation: conversation, messages: messages, profile: profile))]

        case .markSeen(let id):
            try store.markSeen(conversation: id, agent: agent.login, at: clock())
            return []

        case let .assign(customer, to, note):
            return [.assigned(try store.assign(customer: customer, to: to, by: agent.login, note: note))]

        case let .setStatus(id, status):
            try store.setStatus(status, conversation: id)
            return [.statusSet(id, status)]

        case .composer(let effect):
            guard let composer else { return [.failed("The composer is not available here")] }
            return runComposer(effect, composer)

        case .findCustomers(let text):
            return [.customersFound(text, try store.findCustomers(matching: text, limit: 20))]

        case let .recordReferral(customerID, referrerID, source):
            guard let customer = try store.customer(id: customerID) else { throw RapportError.unknownCustomer("#\(customerID)") }
            guard let referrerID else {
                try store.recordReferral(customer: customerID, referrer: nil, source: source, coupon: nil, thankYou: nil, at: clock())
                return [.referralRecorded("\(customer.firstName) heard about us through \(source ?? "")")]
            }
            guard let referrer = try store.customer(id: referrerID) else { throw RapportError.unknownCustomer("#\(referrerID)") }
            let owner = try referrer.owner.flatMap { try store.agent(login: $0) }
            let thanks = try PreparedMessages.thankYou(referrer: referrer, referred: customer, owner: owner, coupon: nil)
            try store.recordReferral(customer: customerID, referrer: referrerID, source: nil, coupon: nil, thankYou: thanks,
                                     at: clock())
            let whose = owner.map { $0.login == agent.login ? "your Thank-you view" : "\($0.firstName)'s Thank-you view" }
                ?? "the Thank-you view (\(referrer.firstName) has no owner yet)"
            return [.referralRecorded("\(referrer.fullName) referred \(customer.firstName): a thank-you draft waits in \(whose)")]

        case .redraw, .suspend, .quit:
            return []
        }
    }
}
