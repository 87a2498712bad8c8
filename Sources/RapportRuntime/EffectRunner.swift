import Foundation
import RapportCore
import RapportApp
import RapportTUI

/// Performs the inbox's effects against the store and answers with messages for `update`.
/// The only code of the inbox that touches the store. Refusals and failures come back as
/// messages too: the inbox shows them and goes on.
public struct EffectRunner {
    /// The effects only the store answers; its store, agent and clock serve the others too.
    let storeEffects: InboxStoreEffects
    /// Outbox, templates, delivery and the external editor, for the composer's effects.
    public var composer: ComposerServices?

    var store: any WorkflowStore { storeEffects.store }
    var agent: Agent { storeEffects.agent }
    var clock: () -> Date { storeEffects.clock }

    /// `quietDays` is the config's `workflows.quiet_days`, for the Quiet work list.
    public init(store: any WorkflowStore, agent: Agent, quietDays: Int) {
        storeEffects = InboxStoreEffects(store: store, agent: agent, quietDays: quietDays)
    }

    /// Runs one effect. `.redraw` and `.quit` belong to the loop and give nothing here.
    public func perform(_ effect: Effect) -> [AppMsg] {
        if let answer = storeEffects.perform(effect) { return answer }
        do {
            return try run(effect)
        } catch {
            return [.failed(describe(error))]
        }
    }

    private func run(_ effect: Effect) throws -> [AppMsg] {
        switch effect {
        case .composer(let effect):
            guard let composer else { return [.failed("The composer is not available here")] }
            return runComposer(effect, composer)

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

        default:   // .redraw, .suspend and .quit belong to the loop; store effects were answered above
            return []
        }
    }
}
