import RapportCore

/// List keys: moving, paging, views, marks, status, search results.
extension AppState {
    mutating func moveCursor(by delta: Int) -> [Effect] {
        list.move(by: delta, visible: visibleRows).map(loadPage)
    }

    mutating func cursorToTop() -> [Effect] {
        if list.moreBefore {
            list.selected = 0
            list.top = 0
            return [loadPage(.top(visible: visibleRows))]
        }
        return moveCursor(by: -list.rows.count)
    }

    mutating func cursorToBottom() -> [Effect] {
        if list.moreAfter { return [loadPage(.bottom)] }
        return moveCursor(by: list.rows.count)
    }

    mutating func openSelected() -> [Effect] {
        guard let row = list.selectedRow else { return [] }
        list.updateRow(row.id) { $0.unread = false }
        if let effects = openFromReadAhead(row) { return effects }
        screen = .thread(ThreadState(conversationID: row.id, summary: row))
        return [.openConversation(row.id), .markSeen(row.id)]
    }

    /// Esc / q: thread → list; search results → the view; a list with marks → no marks.
    mutating func back() -> [Effect] {
        if thread != nil {
            screen = .list
            return []
        }
        if list.source.isDetour {
            return switchList(to: .view(view), keepingCursor: savedCursor)
        }
        if !marks.isEmpty {
            marks = [:]
            message = StatusMessage("Marks cleared")
        }
        return []
    }

    mutating func cycleView(by step: Int) -> [Effect] {
        let views = InboxView.allCases
        let current: Int
        if case .view(let v) = list.source, let i = views.firstIndex(of: v) { current = i }
        else { current = views.firstIndex(of: view).map { $0 - step } ?? 0 }
        return show(views[((current + step) % views.count + views.count) % views.count])
    }

    mutating func show(_ v: InboxView) -> [Effect] {
        screen = .list
        view = v
        return switchList(to: .view(v), keepingCursor: nil)
    }

    /// Replaces the list with another source. Marks belong to a list and are dropped with it.
    mutating func switchList(to source: ListSource, keepingCursor cursor: SavedCursor?) -> [Effect] {
        if source.isDetour, case .view = list.source { savedCursor = SavedCursor(list) }
        if case .view = source { savedCursor = nil }
        marks = [:]
        searchCount = nil
        list = ListWindow(source: source)
        let placement: PageRequest.Placement
        if let cursor {
            placement = .around(cursor.id, fallback: cursor.position, above: cursor.screenRow + 20,
                                below: visibleRows + 20)
            list.top = -cursor.screenRow   // so the cursor lands on the same screen row
        } else {
            placement = .top(visible: visibleRows)
        }
        return [loadPage(placement)]
    }

    mutating func toggleMark() -> [Effect] {
        guard let row = list.selectedRow else { return [] }
        if marks[row.id] == nil { marks[row.id] = AssignTarget(row) } else { marks[row.id] = nil }
        return moveCursor(by: 1)
    }

    mutating func startSearch(_ text: String) -> [Effect] {
        screen = .list
        return switchList(to: .search(text), keepingCursor: nil) + countSearch()
    }
}

/// Where the cursor was in a view, to come back to it after a search.
public struct SavedCursor: Sendable, Hashable {
    public var id: ConversationID
    public var position: PageCursor
    public var screenRow: Int

    init?(_ list: ListWindow) {
        guard let row = list.selectedRow else { return nil }
        id = row.id
        position = row.cursor
        screenRow = max(0, list.selected - list.top)
    }
}
