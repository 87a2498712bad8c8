import Foundation

/// The line prompts in the message row: search text and the handoff note.
extension AppState {
    mutating func promptKey(_ key: Key, _ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        if key == .tab, case .attachFile = prompt.purpose { return [.composer(.completePath(prompt.text))] }
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
            case let .snooze(id, name):
                return snooze(id, name: name, until: text)
            case let .attachment(open, count):
                guard let n = Int(text), (1...count).contains(n) else {
                    message = StatusMessage("Type a number from 1 to \(count) (Esc cancels)", isError: true)
                    return []
                }
                overlay = nil
                return attachmentAction(number: n, open: open)
            case .firstName(let page):
                guard !text.isEmpty else {
                    message = StatusMessage("A customer needs a first name (Esc cancels)", isError: true)
                    return []
                }
                overlay = .prompt(Prompt(.lastName(page, first: text), text: page.page?.customer.lastName ?? ""))
                return []
            case let .lastName(page, first):
                overlay = .customer(page)
                return [.customers(.rename(page.customerID, firstName: first, lastName: text))]
            case let .mergeNote(page, from):
                overlay = .customer(page)
                return [.customers(.merge(from: from.id, into: page.customerID, note: text.isEmpty ? nil : text))]
            case .attachFile(let id):
                guard !text.isEmpty else {
                    message = StatusMessage("Type the file's path (Esc cancels)", isError: true)
                    return []
                }
                overlay = nil
                return [.composer(.attachFile(id, path: text, current: compose.composer?.attachments ?? []))]
            case .addAddress(let page), .removeAddress(let page):
                let address = text.trimmingCharacters(in: .whitespaces)
                guard !address.isEmpty else {
                    message = StatusMessage("Type an address (Esc cancels)", isError: true)
                    return []
                }
                overlay = .customer(page)
                let adding = if case .addAddress = prompt.purpose { true } else { false }
                return [.customers(.editAddress(page.customerID, address, adding: adding))]
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
            if case .snooze = prompt.purpose { message = StatusMessage("Not snoozed") }
            if case .firstName(let page) = prompt.purpose { overlay = .customer(page) }
            if case .lastName(let page, _) = prompt.purpose { overlay = .customer(page) }
            if case .mergeNote(let page, _) = prompt.purpose { overlay = .customer(page); message = StatusMessage("Not merged") }
            if case .addAddress(let page) = prompt.purpose { overlay = .customer(page) }
            if case .removeAddress(let page) = prompt.purpose { overlay = .customer(page) }
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
