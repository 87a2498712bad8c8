import Foundation

/// The line prompts in the message row: search text and the handoff note.
extension AppState {
    mutating func promptKey(_ key: Key, _ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        let action = keyMap.action(for: key, in: .prompt)
        switch action {
        case .confirm:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            switch prompt.purpose {
            case .search:
                overlay = nil
                return text.isEmpty ? [] : startSearch(text)
            case .handoffNote(let pending):
                guard !text.isEmpty else {
                    message = StatusMessage("A handoff note is needed: tell \(pending.to.firstName) what to know (Esc cancels)",
                                            isError: true)
                    return []
                }
                overlay = nil
                return commit(pending, note: text)
            case .newSubject(let customer):
                guard !text.isEmpty else {
                    message = StatusMessage("A new conversation needs a subject (Esc cancels)", isError: true)
                    return []
                }
                overlay = nil
                message = StatusMessage("Opening a new conversation with \(customer.fullName)…")
                return [.composer(.startConversation(customer.id, subject: text))]
            case .awayUntil:
                return awayUntilTyped(text)
            case .back:
                overlay = nil
                message = StatusMessage("Welcome back: your customers are yours alone again")
                return [.comeBack]
            }
        case .cancel:
            overlay = nil
            if case .handoffNote = prompt.purpose { message = StatusMessage("Not assigned") }
            if case .newSubject = prompt.purpose { message = StatusMessage("No new message") }
            return []
        case .redraw:
            return [.redraw]
        default:
            guard prompt.input.handle(key, action: action) != .ignored else { return [] }
        }
        overlay = .prompt(prompt)
        return []
    }
}
