import Foundation
import RapportCore

/// The customer's page (`c`): the profile as the sidebar shows it, then every conversation (the chosen
/// one reversed; Enter opens it), then the whole assignment log with its handoff notes.
enum CustomerPageScreen {
    static func draw(_ page: CustomerPageState, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let top = 0, height = layout.statusRow
        buffer.fill(x: 0, y: top, width: layout.width, height: height)
        let (lines, selectedLine) = self.lines(page, state, width: layout.width - 2)
        // Keep the chosen conversation on screen; otherwise the page scrolls as asked.
        var scroll = min(page.scroll, max(0, lines.count - height))
        if let selectedLine {
            if selectedLine < scroll { scroll = selectedLine }
            if selectedLine >= scroll + height { scroll = selectedLine - height + 1 }
        }
        for (i, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            if line.1 == .selected { buffer.fill(x: 0, y: top + i, width: layout.width, height: 1, style: .selected) }
            buffer.write(line.0, x: 1, y: top + i, width: layout.width - 2, style: line.1)
        }
    }

    /// The page's lines, and which one is the chosen conversation.
    static func lines(_ page: CustomerPageState, _ state: AppState, width: Int) -> ([(String, Style)], Int?) {
        guard let p = page.page else { return ([("Loading the customer…", .dim)], nil) }
        var out = Sidebar.lines(p.profile, state, width: width, onPage: true)
        out.append(("", .plain))
        out.append(("Conversations (\(p.conversations.count)) — Enter opens one, e edits the name"
                    + (p.likelyDuplicates.isEmpty ? "" : ", M merges the duplicate") + ", q goes back", .title))
        var selectedLine: Int?
        for (i, row) in p.conversations.enumerated() {
            let s = row.summary
            let status = s.waitingOnUsSince != nil ? "waiting" : s.status.rawValue
            // As in the list: a conversation waiting on us is aged from the customer's oldest unanswered message.
            let age = Formatting.age(s.waitingOnUsSince ?? s.lastActivity, now: state.now)
            let writer = lastWriter(row.lastWriter, state)
            let text = "\(s.unread ? "●" : " ") \(pad(status, 8)) \(pad(age, 4)) \(pad(writer, 16)) "
                + DisplaySafety.sanitised(s.subject)
            if i == page.selected { selectedLine = out.count }
            out.append((text, i == page.selected ? .selected : s.unread ? .unread : .plain))
        }
        if p.conversations.isEmpty { out.append(("no conversation yet", .dim)) }
        out.append(("", .plain))
        out.append(("Assignment log", .title))
        for a in p.assignments.reversed() {
            let from = state.firstName(of: a.from) ?? "—", to = state.firstName(of: a.to) ?? "—"
            out.append(("\(Formatting.date(a.at, state.timeZone))  \(from) → \(to)  by \(state.firstName(of: a.by) ?? a.by)", .plain))
            if let note = a.note, !note.isEmpty {
                for line in TextLayout.wrapped("“\(DisplaySafety.sanitised(note))”", width: max(1, width - 4)) {
                    out.append(("    " + line, .note))
                }
            }
        }
        if p.assignments.isEmpty { out.append(("never assigned", .dim)) }
        return (out, selectedLine)
    }

    static func lastWriter(_ writer: CustomerConversation.LastWriter, _ state: AppState) -> String {
        switch writer {
        case .nobody: "—"
        case .customer: "they wrote last"
        case .agent(let login?): "\(state.firstName(of: login) ?? login) wrote last"
        case .agent(nil): "⚠ not by Rapport"
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }
}
