import RapportCore

/// Status (`s`) and undo (`u`): a change that takes the row out of the view keeps it under the cursor
/// until the cursor moves (`ListWindow.departed`), and the last change can be taken back for a minute.
extension AppState {
    mutating func cycleStatus() -> [Effect] {
        let current: (ConversationID, ConversationStatus, String)?
        if let t = thread, let s = t.status { current = (t.conversationID, s, t.target?.customerName ?? "") }
        else { current = list.selectedRow.map { ($0.id, $0.status, $0.customerName) } }
        guard let (id, status, name) = current else { return [] }
        let next = status.next
        list.updateRow(id) { $0.status = next }
        if list.selectedRow?.id == id { list.departed = leavesList(next) ? id : nil }
        if case .thread(var t) = screen {
            t.conversation?.status = next
            t.summary?.status = next
            screen = .thread(t)
        }
        lastChange = UndoableChange(.status(id, from: status, to: next), at: now, label: name)
        return [.setStatus(id, next)] + refresh()
    }

    /// True when the view on screen does not show conversations with this status (Mine and closed).
    func leavesList(_ status: ConversationStatus) -> Bool {
        guard case .view(let v) = list.source else { return false }
        return !v.keeps(status)
    }

    /// "Status: closed — Dana Ruiz leaves Mine when you move on · u undoes".
    mutating func statusSet(_ id: ConversationID, _ status: ConversationStatus) {
        var text = "Status: \(status.rawValue)"
        if let change = lastChange, case .status(id, _, status) = change.kind, !change.label.isEmpty {
            text += " — \(change.label)"
            if list.departed == id, case .view(let v) = list.source { text += " leaves \(v.title) when you move on" }
            text += " · u undoes"
        }
        message = StatusMessage(text)
    }

    /// `u`: asks to take back the last change, while it is recent enough.
    mutating func undoLastChange() -> [Effect] {
        guard let change = lastChange else {
            message = StatusMessage("Nothing to undo: no status change or assignment yet")
            return []
        }
        guard change.isUndoable(now: now) else {
            lastChange = nil
            message = StatusMessage("Too late to undo (a change can be undone for a minute)", isError: true)
            return []
        }
        lastChange = nil
        return [.undo(change)]
    }
}
