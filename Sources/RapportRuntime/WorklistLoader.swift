import Foundation
import RapportApp
import RapportCore
import RapportTUI

/// Reads the Heads-up and Thank-you work lists as pages for the list screen. A work list is one
/// agent's work (tens of rows, not a table), so it is read whole and answered as one page.
enum WorklistLoader {
    static func page(_ view: InboxView, _ request: PageRequest, worklists: Worklists, agent: Agent,
                     quietDays: Int) throws -> Page {
        let (rows, notes) = try items(view, worklists: worklists, agent: agent, quietDays: quietDays)
        switch request.placement {
        case .around(let id, _, _, _):
            let anchor = id.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
            return .whole(rows, anchorIndex: anchor, notes: notes)
        case .bottom:
            return .whole(rows, anchorIndex: max(0, rows.count - 1), notes: notes)
        case .after, .before:
            return .whole([])
        }
    }

    static func items(_ view: InboxView, worklists: Worklists, agent: Agent, quietDays: Int)
        throws -> ([ConversationSummary], [ConversationID: RowNote]) {
        var rows: [ConversationSummary] = []
        var notes: [ConversationID: RowNote] = [:]
        switch view {
        case .headsUp:
            for item in try worklists.headsUps(agent: agent.login) {
                rows.append(ConversationSummary(
                    id: item.conversationID, customerID: item.customerID, customerName: item.customerName,
                    ownerLogin: agent.login, ownerFirstName: agent.firstName, status: .open, lastActivity: item.due,
                    subject: "Heads-up: \(item.kind)", unread: false, messageCount: 0))
                notes[item.conversationID] = RowNote(
                    text: "\(humanised(item.kind)) on \(ISODate.format(item.effectiveDate)) — draft ready, Enter to finish it",
                    due: item.due)
            }
        case .thankYou:
            // Referrers with no owner yet are everyone's to see: taking them (t) brings the draft along.
            for (item, owned) in try worklists.thankYous(agent: agent.login) {
                let owner = owned ? agent : nil
                guard let conversation = item.conversationID else { continue }
                rows.append(ConversationSummary(
                    id: conversation, customerID: item.referrerID, customerName: item.referrerName,
                    ownerLogin: owner?.login, ownerFirstName: owner?.firstName, status: .open, lastActivity: item.oldest,
                    subject: "Thank you", unread: false, messageCount: 0))
                let who = item.referred.joined(separator: ", ")
                notes[conversation] = RowNote(
                    text: "referred \(who)" + (owner == nil ? " — no owner yet: t to take, then thank them" : " — thank-you draft ready"),
                    since: item.oldest)
            }
        case .quiet:
            for q in try worklists.quiet(agent: agent.login, days: quietDays) {
                guard let conversation = q.lastConversationID else { continue }
                rows.append(ConversationSummary(
                    id: conversation, customerID: q.customerID, customerName: q.name, ownerLogin: agent.login,
                    ownerFirstName: agent.firstName, status: .open, lastActivity: q.lastWrittenTo ?? .distantPast,
                    subject: "Check in", unread: false, messageCount: 1))
                let quiet = q.daysQuiet.map { "we last wrote \($0) days ago" } ?? "we have never written to them"
                notes[conversation] = RowNote(text: "\(quiet) — a personal check-in? (r, then Ctrl-T: check-in)",
                                              since: q.lastWrittenTo)
            }
        case .waiting:
            for row in try worklists.waitingOnUs(agent: agent.login) {
                rows.append(row)
                notes[row.id] = RowNote(text: row.subject, since: row.waitingOnUsSince)
            }
        case .forYou:
            // One row per conversation, its newest item (the list is keyed by conversation).
            let names = try worklists.agentNames()
            for (item, unread) in try worklists.forYou(agent: agent.login) {
                guard let conversation = item.conversationID, notes[conversation] == nil else { continue }
                rows.append(ConversationSummary(
                    id: conversation, customerID: item.customerID, customerName: item.customerName, ownerLogin: nil,
                    ownerFirstName: nil, status: .open, lastActivity: item.at, subject: item.subject ?? "",
                    unread: unread, messageCount: 1))
                notes[conversation] = RowNote(text: forYouLine(item, names: names), at: item.at)
            }
        case .mine, .unassigned, .all, .pending:
            break   // not work lists: their pages come from `PageLoader`
        }
        return (rows, notes)
    }

    /// "Priya: @Sam can you call her?" or "taken by Priya (to Priya): “She asked for me”".
    static func forYouLine(_ item: ForYouItem, names: [String: String]) -> String {
        let by = names[item.by] ?? item.by
        let text = (item.text ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        switch item.kind {
        case .mention:
            return "note from \(by): \(text)"
        case .takeover:
            let to = item.to.map { $0 == item.by ? "" : " for \(names[$0] ?? $0)" } ?? " (back to Unassigned)"
            return "taken by \(by)\(to)" + (text.isEmpty ? "" : ": “\(text)”")
        }
    }

    /// "rate-increase" → "Rate increase".
    static func humanised(_ kind: String) -> String {
        let words = kind.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
