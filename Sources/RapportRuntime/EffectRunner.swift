import Foundation
import RapportCore
import RapportApp
import RapportTUI

/// Performs the inbox's effects against the store and answers with messages for `update`.
/// The only code of the inbox that reaches the store, always through RapportApp's use cases.
/// Refusals and failures come back as messages too: the inbox shows them and goes on.
public struct EffectRunner {
    /// The effects only the store answers; its store, agent and clock serve the others too.
    let storeEffects: InboxStoreEffects
    /// Outbox, templates, delivery and the external editor, for the composer's effects.
    public var composer: ComposerServices?
    /// Where `S` saves attachments and what `O` opens them with.
    public var attachments = AttachmentActions.fromEnvironment()

    var store: any InboxStore { storeEffects.store }
    var agent: Agent { storeEffects.agent }
    var clock: () -> Date { storeEffects.clock }

    /// `quietDays` is the config's `workflows.quiet_days`, for the Quiet work list.
    public init(store: any InboxStore, agent: Agent, quietDays: Int) {
        storeEffects = InboxStoreEffects(store: store, agent: agent, quietDays: quietDays)
    }

    /// Runs one effect. `.redraw`, `.suspend` and `.quit` belong to the loop and give nothing here.
    /// Exhaustive on purpose: an effect nobody interprets does not compile.
    public func perform(_ effect: Effect) -> [AppMsg] {
        switch effect {
        case .loadCounts, .openConversation, .readAhead:
            return withDeliveryState(storeEffects.perform(effect) ?? [])

        case .loadPage, .loadAgents, .goAway, .comeBack, .loadAgentLoads, .markSeen, .markUnread, .snooze, .wakeSnoozes, .assign, .setStatus, .undo, .findCustomers, .customers, .presence:
            return storeEffects.perform(effect) ?? []

        case .composer(let effect):
            guard let composer else { return [.failed("The composer is not available here")] }
            return runComposer(effect, composer)

        case let .recordReferral(customer, referrer, source):
            do {
                let recorded = try Referrals(store: store, clock: clock)
                    .record(customer: customer, referrer: referrer, source: source)
                return [.referralRecorded(recorded.summary(for: agent.login))]
            } catch {
                return [.failed(describe(error))]
            }

        case .saveAttachment, .openAttachment:
            return attachments.perform(effect) ?? []

        case .redraw, .suspend, .quit:
            return []
        }
    }
}
