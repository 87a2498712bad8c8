import Foundation
import RapportCore

/// `z`: snooze the conversation on the row or on screen until a time read by `SnoozeTime` (against the
/// inbox's clock and time zone); the inbox also wakes the snoozes that are due, at start and on ticks.
extension AppState {
    static let snoozeCheckSeconds: TimeInterval = 30

    mutating func openSnoozePrompt() -> [Effect] {
        let target: (ConversationID, String)?
        if let t = thread { target = (t.conversationID, t.target?.customerName ?? "this conversation") }
        else { target = list.selectedRow.map { ($0.id, $0.customerName) } }
        guard let (id, name) = target else { return [] }
        overlay = .prompt(Prompt(.snooze(id, name: name)))
        return []
    }

    /// Enter in the snooze prompt: a time that cannot be read keeps the prompt open and says why.
    mutating func snooze(_ id: ConversationID, name: String, until text: String) -> [Effect] {
        switch SnoozeTime.parse(text, now: now, timeZone: timeZone) {
        case .failure(let error):
            message = StatusMessage("\(error) (Esc cancels)", isError: true)
            return []
        case .success(let until):
            overlay = nil
            screen = .list
            message = StatusMessage("Snoozed \(name) until \(Formatting.dateTime(until, timeZone)) — back sooner if they write")
            return [.snooze(id, until: until)] + refresh()
        }
    }

    /// Every `snoozeCheckSeconds` after `.start` (which wakes the first ones), asks to wake the snoozes that are due.
    mutating func snoozeTick() -> [Effect] {
        guard let next = nextSnoozeCheck, now >= next else { return [] }
        nextSnoozeCheck = now.addingTimeInterval(Self.snoozeCheckSeconds)
        return [.wakeSnoozes]
    }
}
