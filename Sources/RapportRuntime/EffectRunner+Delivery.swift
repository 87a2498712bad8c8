import Foundation
import RapportApp
import RapportCore
import RapportTUI

/// The outbox's delivery state in the inbox: counted in the status bar, shown on each reply in the
/// thread, and a person's decision about a reply that did not go out. Read from the store through
/// `Outbox`, so every agent's inbox shows a failure, not only the one that sent the reply. Only with
/// the composer's services (their outbox); without them (the benchmark) counts and threads are as read.
extension EffectRunner {
    func withDeliveryState(_ messages: [AppMsg]) -> [AppMsg] {
        guard let store = composer?.outbox else { return messages }
        let outbox = Outbox(store: store)
        return messages.map { message in
            do {
                switch message {
                case .countsLoaded(var counts):
                    counts.outboxProblems = try outbox.problems(now: clock()).count
                    return .countsLoaded(counts)
                case .threadLoaded(var data):
                    data.outbox = try outbox.unfinished(conversation: data.conversation.id)
                    return .threadLoaded(data)
                case .threadReadAhead(var data):   // shown as it is when Enter comes
                    data.outbox = try outbox.unfinished(conversation: data.conversation.id)
                    return .threadReadAhead(data)
                default:
                    return message
                }
            } catch {
                return message   // the list and the thread still show; the delivery state comes with the next read
            }
        }
    }

    func decideDelivery(_ id: Int64, _ decision: DeliveryDecision, _ services: ComposerServices) -> [AppMsg] {
        do {
            try Outbox(store: services.outbox).decide(id, decision == .retry ? .retry : .markSent, now: clock())
            return [.composer(.deliveryDecided(outboxID: id, decision, error: nil))]
        } catch {
            return [.composer(.deliveryDecided(outboxID: id, decision, error: describe(error)))]
        }
    }
}
