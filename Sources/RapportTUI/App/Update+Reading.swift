import RapportCore

/// Reading habits from neomutt and aerc: `U` marks a conversation unread, `J` / `K` step to the
/// next / previous conversation of the list without going back to it.
extension AppState {
    /// `U`: the row (or the open conversation) shows unread again; from a thread, back to the list,
    /// since staying in it would read it again.
    mutating func markUnread() -> [Effect] {
        let id: ConversationID
        let name: String
        if let t = thread {
            id = t.conversationID
            name = t.target?.customerName ?? t.summary?.customerName ?? ""
            screen = .list
        } else {
            guard let row = list.selectedRow else { return [] }
            id = row.id
            name = row.customerName
        }
        list.updateRow(id) { $0.unread = true }
        message = StatusMessage(name.isEmpty ? "Marked unread" : "Marked unread: \(name)")
        return [.markUnread(id)]
    }

    /// `J` / `K` in a thread: opens the neighbour of the open conversation in the list it came from.
    mutating func stepConversation(by step: Int) -> [Effect] {
        guard let t = thread else { return [] }
        if let here = list.rows.firstIndex(where: { $0.id == t.conversationID }) { list.selected = here }
        let before = list.selected
        let loads = moveCursor(by: step)
        guard list.selected != before, list.selectedRow?.id != t.conversationID else {
            message = StatusMessage(step > 0 ? "No next conversation in this list" : "No previous conversation in this list")
            return loads
        }
        return loads + openSelected()
    }
}
