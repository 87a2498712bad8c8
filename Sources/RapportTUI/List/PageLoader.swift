import RapportCore

/// Answers a `PageRequest` with a few bounded keyset queries. It is given the query
/// functions rather than a store so that it stays testable without a database; the effect
/// runner passes the store's `conversations(…)` and `conversation(id:)`.
public enum PageLoader {
    /// One keyset page: (query, cursor, direction, limit) → rows in list order.
    public typealias Fetch = (ConversationQuery, PageCursor?, PageDirection, Int) throws -> [ConversationSummary]
    /// The current list position of a conversation (it moves when it gets new activity).
    public typealias Locate = (ConversationID) throws -> PageCursor?

    public static func load(_ request: PageRequest, fetch: Fetch, locate: Locate) throws -> Page {
        let q = request.query
        let limit = max(1, request.limit)
        switch request.placement {
        case .after(let cursor):
            var rows = try fetch(q, cursor, .after, limit + 1)
            let more = rows.count > limit
            if more { rows.removeLast() }
            return Page(rows: rows, moreBefore: true, moreAfter: more)

        case .before(let cursor):
            var rows = try fetch(q, cursor, .before, limit + 1)
            let more = rows.count > limit
            if more { rows.removeFirst() }
            return Page(rows: rows, moreBefore: more, moreAfter: true)

        case .bottom:
            var rows = try fetch(q, nil, .before, limit + 1)
            let more = rows.count > limit
            if more { rows.removeFirst() }
            return Page(rows: rows, anchorIndex: max(0, rows.count - 1), moreBefore: more, moreAfter: false)

        case let .around(id, fallback, above, below):
            let anchor = try id.flatMap(locate) ?? fallback
            var before: [ConversationSummary] = []
            var moreBefore = false
            if let anchor, above > 0 {
                before = try fetch(q, anchor, .before, above + 1)
                if before.count > above { before.removeFirst(); moreBefore = true }
            }
            // Start right after the last row above the anchor: the anchor itself comes
            // first if it still belongs to the list.
            let start: PageCursor?
            if let last = before.last { start = last.cursor }
            else if let anchor, above == 0 {
                // No rows wanted above: find the row just before the anchor to start from.
                let previous = try fetch(q, anchor, .before, 1)
                moreBefore = !previous.isEmpty
                start = previous.last?.cursor
            } else { start = nil }
            let wanted = max(1, below)
            var rest = try fetch(q, start, .after, wanted + 1)
            let moreAfter = rest.count > wanted
            if moreAfter { rest.removeLast() }
            return Page(rows: before + rest, anchorIndex: before.count, moreBefore: moreBefore, moreAfter: moreAfter)
        }
    }
}
