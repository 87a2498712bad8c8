import Foundation
import RapportCore

/// One line of the message pane.
struct ThreadLine: Hashable {
    var prefix = ""
    var prefixStyle: Style = .plain
    var text = ""
    var style: Style = .plain
    /// Right-aligned text (the date on a message's first line).
    var right: String?
}

/// The message pane as lines: each message a header (sender, date) and its wrapped text;
/// internal notes carry a bar and the word NOTE so they stand out without colour.
/// `update` uses it too, to know how far the pane can scroll.
enum ThreadLayout {
    static func lines(_ t: ThreadState, width: Int, state: AppState) -> (lines: [ThreadLine], starts: [Int]) {
        var lines: [ThreadLine] = []
        var starts: [Int] = []
        let textWidth = max(1, width - 2)
        for message in t.messages {
            if !lines.isEmpty { lines.append(ThreadLine()) }
            starts.append(lines.count)
            let date = Formatting.dateTime(message.date, state.timeZone)
            let author = state.firstName(of: message.author) ?? message.author ?? message.from
            switch message.direction {
            case .inbound:
                // Bare addresses get the customer's name in front, so the agent sees who wrote.
                var sender = message.from
                if !sender.contains("<"), let name = t.target?.customerName, !name.isEmpty { sender = "\(name) <\(sender)>" }
                lines.append(ThreadLine(prefix: "▶ ", prefixStyle: .accent, text: sender, style: .title, right: date))
            case .outbound:
                let to = message.to.joined(separator: ", ")
                let delivery = state.compose.deliveries[message.id]   // replies sent from this inbox
                let failed: Bool = if case .failed = delivery { true } else { false }
                lines.append(ThreadLine(prefix: "◀ ", prefixStyle: .outbound,
                                        text: "\(author) to \(to)" + (delivery.map { " · " + $0.label } ?? ""),
                                        style: failed ? .error : Style(foreground: .green, bold: true), right: date))
            case .note:
                lines.append(ThreadLine(prefix: "┃ ", prefixStyle: .note, text: "NOTE by \(author)",
                                        style: Style(foreground: .yellow, bold: true), right: date))
            }
            let isNote = message.direction == .note
            let body = t.wrapped.body(of: message, width: textWidth) ?? TextLayout.bodyLines(message.text, width: textWidth)
            for line in body.isEmpty ? ["(no text)"] : body {
                lines.append(ThreadLine(prefix: isNote ? "┃ " : "  ", prefixStyle: isNote ? .note : .plain,
                                        text: line, style: isNote ? .note : .plain))
            }
            for a in message.attachments {
                let name = a.filename.map { DisplaySafety.sanitised($0) } ?? "unnamed"
                lines.append(ThreadLine(prefix: "  ", text: "[attachment] \(name) (\(a.contentType), \(size(a.size)))",
                                        style: .dim))
            }
        }
        return (lines, starts)
    }

    static func paneWidth(_ t: ThreadState, state: AppState) -> Int {
        state.layout.messagePaneWidth(override: t.sidebarOverride)
    }

    /// The width `lines` wraps bodies to, in the message pane.
    static func textWidth(_ t: ThreadState, state: AppState) -> Int {
        max(1, paneWidth(t, state: state) - 2)
    }

    static func maxScroll(_ t: ThreadState, state: AppState) -> Int {
        let count = lines(t, width: paneWidth(t, state: state), state: state).lines.count
        return max(0, count - state.layout.threadHeight)
    }

    static func lastMessageStart(_ t: ThreadState, state: AppState) -> Int {
        lines(t, width: paneWidth(t, state: state), state: state).starts.last ?? 0
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
