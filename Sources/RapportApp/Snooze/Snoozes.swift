import Foundation
import RapportCore

/// A snoozed conversation as `rapport snoozed` lists it.
public struct SnoozedConversation: Sendable, Hashable {
    public var conversation: Conversation
    public var until: Date
    public var customer: Customer?
}

/// Snoozes and follow-ups. A snoozed conversation leaves the views until its time or until the customer
/// writes (the store ends the snooze with the customer's message); at its time `wakeDue` brings it back
/// open, unread and at the top of the lists. A follow-up ("remind me if no reply in N days") is the same
/// snooze set after a reply: the customer's answer cancels it, their silence brings the conversation back.
public struct Snoozes: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// Snoozes until the time `text` means (see `SnoozeTime`), read in `timeZone`; returns that time.
    @discardableResult
    public func snooze(_ id: ConversationID, until text: String, timeZone: TimeZone) throws -> Date {
        let until = try SnoozeTime.parse(text, now: clock(), timeZone: timeZone).get()
        try snooze(id, until: until)
        return until
    }

    /// Snoozes until `until`, which must be in the future.
    public func snooze(_ id: ConversationID, until: Date) throws {
        guard until > clock() else { throw RapportError.invalid("a snooze must end in the future") }
        try store.setSnooze(conversation: id, until: until)
    }

    /// A follow-up: back in `days` days unless the customer answers first.
    @discardableResult
    public func remind(_ id: ConversationID, ifNoReplyInDays days: Int) throws -> Date {
        guard (1...365).contains(days) else { throw RapportError.invalid("a reminder is 1 to 365 days ahead") }
        let until = clock().addingTimeInterval(Double(days) * 86_400)
        try store.setSnooze(conversation: id, until: until)
        return until
    }

    /// Ends a snooze now, without waking the conversation as unread.
    public func cancel(_ id: ConversationID) throws {
        try store.setSnooze(conversation: id, until: nil)
    }

    /// Every snoozed conversation, the soonest back first.
    public func list() throws -> [SnoozedConversation] {
        try store.snoozedConversations().compactMap { c in
            guard let until = c.snoozedUntil else { return nil }
            return SnoozedConversation(conversation: c, until: until, customer: try store.customer(id: c.customerID))
        }
    }

    /// Wakes the snoozes that are due; returns the conversations woken (by this call, not by another process).
    @discardableResult
    public func wakeDue() throws -> [ConversationID] {
        let now = clock()
        return try store.snoozedConversations()
            .prefix { ($0.snoozedUntil ?? .distantFuture) <= now }
            .filter { try store.wakeConversation($0.id, at: now) }
            .map(\.id)
    }
}
