import RapportCore

/// The rows of a list that are in memory: a window onto the whole list, grown a page at a
/// time as the cursor nears an edge and trimmed at the far end, so it never holds a table.
public struct ListWindow: Sendable, Hashable {
    /// Rows fetched per page.
    public static let pageSize = 50
    /// Rows kept at most; beyond this the far end is dropped (and read again when needed).
    public static let capacity = 200

    public var source: ListSource
    public var rows: [ConversationSummary] = []
    /// Work-list notes of the loaded rows (empty for ordinary views).
    public var notes: [ConversationID: RowNote] = [:]
    /// Index of the cursor row in `rows`.
    public var selected = 0
    /// Index of the first row on screen.
    public var top = 0
    public var moreBefore = false
    public var moreAfter = false
    /// A row the agent's own status change took out of this list (`s` closing a conversation in Mine),
    /// kept under the cursor, dimmed, until the cursor leaves it: the next `s` then acts on the same
    /// conversation, never on the one that slid into its place unseen.
    public var departed: ConversationID?
    /// False until the first page has arrived ("loading…").
    public var loaded = false
    var loadingAfter = false
    var loadingBefore = false

    public init(source: ListSource) {
        self.source = source
    }

    public var selectedRow: ConversationSummary? {
        rows.indices.contains(selected) ? rows[selected] : nil
    }

    // MARK: - Moving

    /// Moves the cursor by `delta` rows within what is loaded; returns the pages to fetch
    /// when the cursor comes near an edge with more rows behind it.
    mutating func move(by delta: Int, visible: Int) -> [PageRequest.Placement] {
        guard !rows.isEmpty else { return [] }
        selected = min(max(0, selected + delta), rows.count - 1)
        releaseDeparted()
        scrollToCursor(visible: visible)
        return prefetch(visible: visible)
    }

    /// Keeps the cursor row on screen.
    mutating func scrollToCursor(visible: Int) {
        let visible = max(1, visible)
        selected = rows.isEmpty ? 0 : min(max(0, selected), rows.count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
        if selected < top { top = selected }
    }

    /// Pages to fetch because the cursor is within a screen of an edge of the window.
    mutating func prefetch(visible: Int) -> [PageRequest.Placement] {
        var out: [PageRequest.Placement] = []
        let margin = max(visible, 10)
        if moreAfter, !loadingAfter, selected >= rows.count - margin, let last = rows.last {
            loadingAfter = true
            out.append(.after(last.cursor))
        }
        if moreBefore, !loadingBefore, selected < margin, let first = rows.first {
            loadingBefore = true
            out.append(.before(first.cursor))
        }
        return out
    }

    /// Drops the departed row once the cursor is elsewhere; the cursor keeps its row.
    mutating func releaseDeparted() {
        guard let id = departed, selectedRow?.id != id else { return }
        departed = nil
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return }
        rows.remove(at: index)
        if index < selected { selected -= 1 }
        if index < top { top -= 1 }
    }

    /// A request to read the window again around the cursor row, keeping its place on screen.
    func reloadPlacement(visible: Int) -> PageRequest.Placement {
        guard let row = selectedRow else {
            return .top(visible: max(visible, 1))
        }
        let onScreenAbove = max(0, selected - top)
        return .around(row.id, fallback: row.cursor, above: onScreenAbove + 20, below: max(1, visible - onScreenAbove) + 20)
    }

    // MARK: - Receiving pages

    /// Puts a page in place; the cursor stays on the same conversation when it is still listed,
    /// else on the row that took its place.
    mutating func apply(_ page: Page, placement: PageRequest.Placement, visible: Int) {
        loaded = true
        switch placement {
        case .around, .bottom: notes = page.notes
        case .after, .before: notes.merge(page.notes) { _, new in new }
        }
        switch placement {
        case let .around(id, _, _, _):
            let screenRow = max(0, selected - top)
            let keptAt = departed.flatMap { d in rows.firstIndex { $0.id == d } }
            let kept = keptAt.map { rows[$0] }
            let onFirstRow = selected == 0 && top == 0 && !moreBefore
            rows = page.rows
            departed = nil
            if let kept, let keptAt, kept.id == id, !rows.contains(where: { $0.id == kept.id }) {
                // Still out of the list: back where it was, under the cursor. A keyset page says where
                // that is; a whole list (a work list, read in its own order) keeps the old place.
                let at = page.moreBefore || page.moreAfter ? page.anchorIndex : keptAt
                rows.insert(kept, at: min(max(0, at), rows.count))
                departed = kept.id
            }
            moreBefore = page.moreBefore
            moreAfter = page.moreAfter
            loadingAfter = false
            loadingBefore = false
            if let id, let index = rows.firstIndex(where: { $0.id == id }) {
                selected = index
            } else {
                selected = min(page.anchorIndex, max(0, rows.count - 1))
            }
            top = selected - screenRow
            // Waiting on the first row of a list: mail that arrives shows above the cursor, which stays on its
            // conversation one row lower (rather than the new rows hiding above the screen's top).
            if onFirstRow, !moreBefore, selected < visible { top = 0 }
        case .after:
            loadingAfter = false
            rows += page.rows.filter { $0.id != departed }
            moreAfter = page.moreAfter
            let excess = rows.count - Self.capacity
            if excess > 0, selected >= excess {
                rows.removeFirst(excess)
                selected -= excess
                top -= excess
                moreBefore = true
            }
        case .before:
            loadingBefore = false
            let fresh = page.rows.filter { $0.id != departed }
            rows = fresh + rows
            selected += fresh.count
            top += fresh.count
            moreBefore = page.moreBefore
            let excess = rows.count - Self.capacity
            if excess > 0, selected < rows.count - excess {
                rows.removeLast(excess)
                moreAfter = true
            }
        case .bottom:
            departed = nil
            rows = page.rows
            moreBefore = page.moreBefore
            moreAfter = false
            loadingAfter = false
            loadingBefore = false
            selected = max(0, rows.count - 1)
            top = rows.count - visible
        }
        scrollToCursor(visible: visible)
    }

    /// Changes a loaded row in place (an optimistic update before the reload confirms it).
    mutating func updateRow(_ id: ConversationID, _ change: (inout ConversationSummary) -> Void) {
        if let i = rows.firstIndex(where: { $0.id == id }) { change(&rows[i]) }
    }
}
