import RapportCore

/// The thread screen: a header, the messages oldest first, and the customer sidebar.
enum ThreadScreen {
    static func draw(_ t: ThreadState, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        drawHeader(t, state, layout, into: &buffer)
        let top = layout.threadTop, height = layout.threadHeight
        if layout.showsSidebarInstead(override: t.sidebarOverride) {
            Sidebar.draw(t, state, x: 0, y: top, width: layout.width, height: height, into: &buffer)
            return
        }
        let paneWidth = layout.messagePaneWidth(override: t.sidebarOverride)
        if layout.showsSidebarBeside(override: t.sidebarOverride) {
            for row in top..<(top + height) { buffer.write("│", x: paneWidth, y: row, style: .dim) }
            Sidebar.draw(t, state, x: paneWidth + 2, y: top, width: Layout.sidebarWidth - 2, height: height, into: &buffer)
        }
        guard t.loaded else {
            buffer.write("Loading…", x: 2, y: top, style: .dim)
            return
        }
        let count = ThreadLayout.metrics(t, width: paneWidth).count
        let first = max(0, min(t.scroll, count - 1))
        for (offset, line) in ThreadLayout.window(t, width: paneWidth, state: state, from: first, count: height).enumerated() {
            let y = top + offset
            let x = buffer.write(line.prefix, x: 0, y: y, width: paneWidth, style: line.prefixStyle)
            var room = paneWidth - x
            if let right = line.right {
                let w = DisplayWidth.of(right)
                if w + 1 < room - 10 {
                    buffer.write(right, x: paneWidth - w, y: y, style: .dim)
                    room -= w + 1
                }
            }
            buffer.write(line.text, x: x, y: y, width: room, style: line.style)
        }
    }

    static func drawHeader(_ t: ThreadState, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let subject = t.conversation?.subject ?? t.summary?.subject ?? ""
        let target = t.target
        var x = buffer.write(" " + subject, x: 0, y: 0, width: layout.width, style: .title)
        var parts: [String] = []
        if let name = target?.customerName { parts.append(name) }
        if let status = t.status { parts.append(status.rawValue) }
        if let target { parts.append("owner " + (target.ownerLogin == nil ? "—" : (state.firstName(of: target.ownerLogin) ?? ""))) }
        // Snoozed (`z`, or a reply's reminder): when it comes back unless the customer writes first.
        if let until = t.conversation?.snoozedUntil, until > state.now {
            parts.append("snoozed until " + Formatting.dateTime(until, state.timeZone))
        }
        if x < layout.width - 4 {
            x += buffer.write(" · " + parts.joined(separator: " · "), x: x, y: 0, width: layout.width - x, style: .dim)
        }
        // Another agent here now: a warning (only the owner may reply anyway; notes can overlap).
        if let here = state.presenceText(in: t.conversationID), x < layout.width - 4 {
            x += buffer.write(" · " + here, x: x, y: 0, width: layout.width - x, style: Style(foreground: .yellow, bold: true))
        }
    }
}

/// The customer sidebar: who they are, who looks after them, and their history with us.
enum Sidebar {
    static func draw(_ t: ThreadState, _ state: AppState, x: Int, y: Int, width: Int, height: Int,
                     into buffer: inout CellBuffer) {
        for (i, line) in lines(t, state, width: width).prefix(height).enumerated() {
            buffer.write(line.0, x: x, y: y + i, width: width, style: line.1)
        }
    }

    static func lines(_ t: ThreadState, _ state: AppState, width: Int) -> [(String, Style)] {
        guard let p = t.profile else {
            return [(t.summary?.customerName ?? "Customer", .title), (t.loaded ? "No profile" : "Loading…", .dim)]
        }
        return lines(p, state, width: width)
    }

    /// The profile's lines, also the top of the customer's page (`onPage`: the page shows the whole log).
    static func lines(_ p: CustomerProfile, _ state: AppState, width: Int, onPage: Bool = false) -> [(String, Style)] {
        var out: [(String, Style)] = []
        func add(_ text: String, _ style: Style = .plain, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for line in TextLayout.wrapped(DisplaySafety.sanitised(text), width: max(1, width - indent)) {
                out.append((pad + line, style))
            }
        }
        let c = p.customer
        add(c.fullName.isEmpty ? c.primaryEmail : c.fullName, .title)
        for address in c.addresses { add(address, .dim) }
        out.append(("", .plain))
        add("Owner: " + (p.owner?.fullName ?? c.owner ?? "— (unassigned)"))
        // A cover in force: who answers for the owner, and until when (the day they are back).
        if let away = CoverRule.absence(of: c.owner, in: state.absences, now: state.now) {
            let coverer = away.cover == state.agent.login ? "you cover" : "\(state.firstName(of: away.cover) ?? away.cover) covers"
            add("away, back \(Formatting.date(away.until, state.timeZone))", .accent, indent: 2)
            add(coverer, .accent, indent: 2)
        }
        add(c.isExisting ? "Existing customer" : "New customer", c.isExisting ? .plain : .accent)
        add("Customer since " + Formatting.date(c.created, state.timeZone))
        if let last = p.lastContact { add("Last contact " + Formatting.date(last, state.timeZone)) }
        if let referrer = p.referredBy { add("Referred by " + referrer.fullName) }
        else if let source = c.referralSource, !source.isEmpty { add("Heard of us via " + source) }
        else if !c.isExisting { add("How they heard of us: not asked yet (R)", .dim) }
        if !p.referrals.isEmpty {
            let unthanked = p.referrals.filter { !$0.thanked }.count
            add("Referred: " + p.referrals.map(\.referredName).joined(separator: ", ")
                + (unthanked == 0 ? "" : " (\(unthanked) not yet thanked)"), unthanked == 0 ? .plain : .accent)
        }
        if let h = p.health {
            out.append(("", .plain))
            add("Same person", .title)
            if let share = h.sameOwnerShare {
                let owner = p.owner?.firstName ?? "their owner"
                add("\(Int((share * 100).rounded()))% of our messages by \(owner)", share < 0.8 ? .accent : .plain, indent: 2)
            } else {
                add("we have not written yet", .dim, indent: 2)
            }
            add(h.ownerChangesLastYear == 0 ? "no owner change this year" : h.ownerChangesLastYear == 1 ? "1 owner change this year"
                : "\(h.ownerChangesLastYear) owner changes this year",
                h.ownerChangesLastYear > 1 ? .accent : .plain, indent: 2)
            if let days = h.daysSinceWeWrote {
                add(days == 0 ? "we wrote today" : "we wrote \(days) day\(days == 1 ? "" : "s") ago", indent: 2)
            }
        }
        let upcoming = p.upcomingEvents.filter { !$0.told }
        if !upcoming.isEmpty {
            out.append(("", .plain))
            add("Heads-up due", .title)
            for e in upcoming {
                // Calendar days (stored as UTC midnight), not instants: the same date in every time zone.
                add("\(ISODate.format(e.effectiveDate)) \(e.kind)", indent: 2)
                add("tell by \(ISODate.format(e.due))", .dim, indent: 2)
            }
        }
        if !p.likelyDuplicates.isEmpty {
            out.append(("", .plain))
            add("Likely the same person", .title)
            for d in p.likelyDuplicates { add("\(d.fullName) <\(d.primaryEmail)>", .accent, indent: 2) }
            add(onPage ? "M merges them" : "c, then M merges them", .dim, indent: 2)
        }
        if !onPage, let h = p.lastHandoff {
            out.append(("", .plain))
            add("Last handoff", .title)
            let from = state.firstName(of: h.from) ?? "—", to = state.firstName(of: h.to) ?? "—"
            add("\(from) → \(to), \(Formatting.date(h.at, state.timeZone))", indent: 2)
            if let note = h.note, !note.isEmpty { add("“\(note)”", .note, indent: 2) }
        }
        return out
    }
}
