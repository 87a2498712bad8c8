import RapportCore

/// What a person decides about a reply that did not go out.
public enum DeliveryDecision: Sendable, Hashable {
    /// Send it again: one attempt more, at once.
    case retry
    /// It did go out (the customer answered it, the mail server logged it): record it as sent.
    case markSent
}

/// The question `D` asks about one undelivered reply of the open conversation.
public struct DeliveryChoice: Sendable, Hashable {
    public var item: OutboxItem

    /// The message row: the choices first (a long reason is cut at the edge, never the keys), then what happened.
    var question: String {
        let what = switch item.state {
        case .needsDecision: "may not have gone out"
        case .sending: "was left in sending by a delivery that stopped"
        default: "was not delivered"
        }
        return "r retry · s mark as sent · Esc leave — the reply to \(item.toAddress) \(what)\(item.error.map { ": \($0)" } ?? "")"
    }
}

extension OutboxItem {
    /// Whether a person may have to decide about it (the runner refuses a delivery under way).
    var awaitsAPerson: Bool { state == .failed || state == .needsDecision || state == .sending }

    /// What the thread shows after "Sam to ann@…" while the reply is not delivered.
    var threadLabel: String {
        switch state {
        case .queued: "queued"
        case .sending: "sending…"
        case .sent: "sent"
        // The key first: a long reason is cut at the pane's edge, and D shows it whole.
        case .failed: "✗ not delivered (D): \(error ?? "the mail system refused it")"
        case .needsDecision: "⚠ may not have gone out (D): \(error ?? "unknown")"
        }
    }
}

extension AppState {
    /// `D`: asks about the newest reply of the conversation that did not go out cleanly.
    mutating func openDeliveryChoice() -> [Effect] {
        guard let t = thread else { return [] }
        let item = t.messages.reversed().lazy.compactMap { t.outbox[$0.id] }.first { $0.awaitsAPerson }
        guard let item else {
            message = StatusMessage("Nothing to decide: no reply in this conversation is stuck on its way out")
            return []
        }
        overlay = .delivery(DeliveryChoice(item: item))
        return []
    }

    mutating func deliveryChoiceKey(_ key: Key, _ choice: DeliveryChoice) -> [Effect] {
        switch keyMap.action(for: key, in: .delivery) {
        case .retryDelivery:
            overlay = nil
            return [.composer(.decideDelivery(outboxID: choice.item.id, .retry))]
        case .markDelivered:
            overlay = nil
            return [.composer(.decideDelivery(outboxID: choice.item.id, .markSent))]
        case .cancel:
            overlay = nil
            message = StatusMessage("Left as it is")
            return []
        case .redraw:
            return [.redraw]
        default:
            return []
        }
    }

    /// The decision was recorded (a retry is delivered at once and reported as a sent reply is) or refused.
    mutating func deliveryDecided(_ id: Int64, _ decision: DeliveryDecision, error: String?) -> [Effect] {
        if let error {
            message = StatusMessage(error, isError: true)
            return refresh()
        }
        let item = thread?.outbox.values.first { $0.id == id }
        let name = thread?.target?.customerName ?? "the customer"
        switch decision {
        case .retry:
            if let item { compose.awaitingDelivery[id] = AwaitingDelivery(customerName: name, messageRowID: item.messageRowID) }
            message = StatusMessage("Sending the reply to \(name) again…")
            return [.composer(.deliverOutbox)] + refresh()
        case .markSent:
            if let item { compose.deliveries[item.messageRowID] = .sent }
            message = StatusMessage("Recorded as sent: the reply to \(name)")
            return refresh()
        }
    }
}
