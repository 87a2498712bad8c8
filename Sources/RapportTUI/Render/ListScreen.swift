import RapportCore

/// The list screen: view tabs, column header, one row per conversation.
enum ListScreen {
    static func draw(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        Bars.drawTabs(state, layout, into: &buffer)
        let columns = ListColumns(width: layout.width, compact: layout.isCompact)
        let worklist: Bool = { if case .view(let v) = state.list.source { return v.isWorklist } else { return false } }()
        if let header = layout.headerRow {
            buffer.field(worklist ? columns.worklistHeaderText : columns.headerText, x: 0, y: header,
                         width: layout.width, style: .header)
        }
        let list = state.list
        guard list.loaded else {
            buffer.write("Loading…", x: 2, y: layout.bodyTop, style: .dim)
            return
        }
        guard !list.rows.isEmpty else {
            let empty: String
            switch list.source {
            case .search(let text): empty = "Nothing matches “\(text)”. Esc returns to \(state.view.title)."
            case .owner(_, let name): empty = "\(name) has no open or pending conversations. Esc returns to \(state.view.title)."
            case .view(.headsUp): empty = "No heads-up to write: nobody is about to be surprised."
            case .view(.thankYou): empty = "Every referral has been thanked."
            case .view(.quiet): empty = "Nobody has gone quiet: you have written to all your customers lately."
            case .view(.waiting): empty = "Nothing waits on you: every customer has had an answer."
            case .view(.forYou): empty = "Nothing for you: no note mentions you, no customer was taken from you."
            case .view(let view): empty = "No conversations in \(view.title)."
            }
            buffer.write(empty, x: 2, y: layout.bodyTop, width: layout.width - 2, style: .dim)
            return
        }
        let top = max(0, min(list.top, list.rows.count - 1))
        for (offset, index) in (top..<min(list.rows.count, top + layout.bodyHeight)).enumerated() {
            let row = list.rows[index]
            let y = layout.bodyTop + offset
            if worklist, let note = list.notes[row.id] {
                drawWorkRow(row, note: note, state: state, columns: columns, y: y, into: &buffer)
            } else {
                drawRow(row, marked: state.marks[row.id] != nil, state: state, columns: columns, y: y, into: &buffer)
            }
            if index == list.selected {
                buffer.restyle(x: 0, y: y, width: layout.width) { $0.reverse = true }
            }
        }
    }

    static func drawRow(_ row: ConversationSummary, marked: Bool, state: AppState, columns c: ListColumns, y: Int,
                        into buffer: inout CellBuffer) {
        var style: Style = row.unread ? .unread : .plain
        if marked { style = .marked }
        // Out of this view since the agent's `s`: shown dimmed, with its new status, until the cursor leaves.
        if state.list.departed == row.id { style.dim = true }
        buffer.fill(x: 0, y: y, width: buffer.width, height: 1, style: style)
        // "@": something in this conversation is for me (a note naming me, a customer taken from me), not yet seen in view 9.
        let forMe = state.counts?.forYouConversations.contains(row.id) ?? false
        buffer.write(marked ? "+" : forMe ? "@" : " ", x: 0, y: y, style: style)
        buffer.write(row.unread ? "●" : " ", x: 1, y: y, style: style)
        var x = 2
        buffer.field(row.customerName, x: x, y: y, width: c.customer, style: style); x += c.customer + 1
        let owner = row.ownerLogin == nil ? "—" : (row.ownerFirstName ?? row.ownerLogin ?? "")
        buffer.field(owner, x: x, y: y, width: c.owner, style: row.ownerLogin == nil ? dimmed(style) : style); x += c.owner + 1
        // Open and the customer wrote last: "waiting", and the age says since when (their oldest
        // unanswered message) rather than the last activity.
        let waiting = row.waitingOnUsSince
        let word = waiting == nil ? row.status.rawValue : "waiting"
        var statusStyle = style
        if waiting != nil { statusStyle.bold = true }
        buffer.field(c.compact ? String(word.prefix(1)) : word, x: x, y: y, width: c.status, style: statusStyle)
        x += c.status + 1
        buffer.write(TextLayout.fitted(Formatting.age(waiting ?? row.lastActivity, now: state.now), to: c.age, alignRight: true),
                     x: x, y: y, style: waiting == nil ? style : statusStyle); x += c.age + 1
        var x2 = x
        if let mark = state.coverMark(row) {
            var markStyle = style
            markStyle.dim = !row.unread
            x2 += buffer.write("[\(mark)] ", x: x2, y: y, width: max(0, buffer.width - x2), style: markStyle)
        }
        // Another agent in this conversation now: said before the subject, so it is seen before opening it.
        if let here = state.presenceText(in: row.id) {
            var markStyle = style
            markStyle.foreground = .yellow
            markStyle.bold = true
            x2 += buffer.write("[\(here)] ", x: x2, y: y, width: max(0, buffer.width - x2), style: markStyle)
        }
        buffer.write(row.subject, x: x2, y: y, width: max(0, buffer.width - x2), style: style)
    }

    /// A work-list row: the customer, when it is due (late rows stand out), and what is to be done.
    static func drawWorkRow(_ row: ConversationSummary, note: RowNote, state: AppState, columns c: ListColumns, y: Int,
                            into buffer: inout CellBuffer) {
        let late = note.due.map { $0 < state.now } ?? false
        buffer.fill(x: 0, y: y, width: buffer.width, height: 1)
        if state.list.departed == row.id {
            // Out of this work list since the agent's `s`: dimmed, with its new status, until the cursor leaves.
            var dim = Style.plain
            dim.dim = true
            buffer.write(row.customerName, x: 2, y: y, width: c.customer, style: dim)
            buffer.write(row.status.rawValue, x: 3 + c.customer, y: y, width: c.due, style: dim)
            buffer.write(note.text, x: 4 + c.customer + c.due, y: y, width: max(0, buffer.width - 4 - c.customer - c.due), style: dim)
            return
        }
        buffer.write(row.unread ? "●" : " ", x: 0, y: y, style: row.unread ? .unread : .plain)
        buffer.write(late ? "!" : " ", x: 1, y: y, style: late ? .error : .plain)
        var x = 2
        buffer.field(row.customerName, x: x, y: y, width: c.customer, style: late ? .unread : .plain); x += c.customer + 1
        let due = note.due.map { Formatting.due($0, now: state.now) }
            ?? note.since.map { "waiting " + Formatting.age($0, now: state.now) }
            ?? note.at.map { at in
                let age = Formatting.age(at, now: state.now)
                return age == "now" ? "just now" : age + " ago"
            } ?? ""
        buffer.field(due, x: x, y: y, width: c.due, style: late ? .error : .plain); x += c.due + 1
        buffer.write(note.text, x: x, y: y, width: max(0, buffer.width - x))
    }

    private static func dimmed(_ style: Style) -> Style {
        var s = style
        s.dim = true
        return s
    }
}

/// Column widths of a list row for a terminal width.
struct ListColumns {
    let compact: Bool
    let customer: Int
    let owner: Int
    let status: Int
    let age: Int

    init(width: Int, compact: Bool) {
        self.compact = compact
        if compact {
            customer = min(20, 12 + max(0, width - 40) / 5)
            owner = 6
            status = 1
        } else {
            customer = width >= 110 ? 26 : 20
            owner = 10
            status = 7
        }
        age = 3
    }

    /// The due column of a work list takes the place of owner, status and age.
    var due: Int { owner + 1 + status + 1 + age }

    var worklistHeaderText: String {
        "  " + TextLayout.fitted("Customer", to: customer) + " " + TextLayout.fitted("When", to: due) + " What"
    }


    var headerText: String {
        "  " + TextLayout.fitted("Customer", to: customer) + " " + TextLayout.fitted("Owner", to: owner) + " "
            + TextLayout.fitted(compact ? "S" : "Status", to: status) + " " + TextLayout.fitted("Age", to: age, alignRight: true)
            + " Subject"
    }
}
