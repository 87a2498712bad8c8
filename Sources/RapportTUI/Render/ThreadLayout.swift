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
///
/// Each message is a block: a blank line (before all but the first), the header, the addresses
/// line when there is more to say than the header does (`addresses`), the body (or "(no text)")
/// and a line per attachment. Block sizes come from the wrapped bodies alone, so
/// scroll limits cost O(messages) and a frame builds only the lines it shows.
enum ThreadLayout {
    /// Where each message's header is and how many lines the pane holds, without building lines.
    static func metrics(_ t: ThreadState, width: Int) -> (starts: [Int], count: Int) {
        let textWidth = max(1, width - 2)
        var starts: [Int] = []
        starts.reserveCapacity(t.messages.count)
        var count = 0
        for (index, message) in t.messages.enumerated() {
            let size = blockSize(message, isFirst: index == 0, bodyLines: body(message, t, textWidth: textWidth).count)
            starts.append(count + (index == 0 ? 0 : 1))
            count += size
        }
        return (starts, count)
    }

    /// Every line of the pane, and where each message's header is.
    static func lines(_ t: ThreadState, width: Int, state: AppState) -> (lines: [ThreadLine], starts: [Int]) {
        (window(t, width: width, state: state, from: 0, count: Int.max), metrics(t, width: width).starts)
    }

    /// Lines `first ..< first + count` of the pane (fewer at its end); only messages in that range are laid out.
    static func window(_ t: ThreadState, width: Int, state: AppState, from first: Int, count: Int) -> [ThreadLine] {
        let textWidth = max(1, width - 2)
        let last = count > Int.max - first ? Int.max : first + count
        var out: [ThreadLine] = []
        var blockStart = 0
        for (index, message) in t.messages.enumerated() {
            guard blockStart < last else { break }
            let body = body(message, t, textWidth: textWidth)
            let size = blockSize(message, isFirst: index == 0, bodyLines: body.count)
            if blockStart + size > first {
                let range = max(0, first - blockStart)..<min(size, last - blockStart)
                out += block(message, isFirst: index == 0, body: body, t, state, range: range, textWidth: textWidth)
            }
            blockStart += size
        }
        return out
    }

    /// The last `count` lines of the pane, laying out only the newest messages that fill them.
    static func tail(_ t: ThreadState, width: Int, state: AppState, count: Int) -> [ThreadLine] {
        guard count > 0 else { return [] }
        let textWidth = max(1, width - 2)
        var blocks: [[ThreadLine]] = []
        var total = 0
        for (index, message) in t.messages.enumerated().reversed() {
            guard total < count else { break }
            let body = body(message, t, textWidth: textWidth)
            let size = blockSize(message, isFirst: index == 0, bodyLines: body.count)
            let wanted = min(size, count - total)
            blocks.append(block(message, isFirst: index == 0, body: body, t, state, range: (size - wanted)..<size,
                                textWidth: textWidth))
            total += wanted
        }
        return Array(blocks.reversed().joined())
    }

    /// The wrapped body: from the cache when it was wrapped to this width, else afresh.
    private static func body(_ message: Message, _ t: ThreadState, textWidth: Int) -> [String] {
        t.wrapped.body(of: message, width: textWidth) ?? TextLayout.bodyLines(message.text, width: textWidth)
    }

    private static func blockSize(_ message: Message, isFirst: Bool, bodyLines: Int) -> Int {
        (isFirst ? 0 : 1) + 1 + (hasAddresses(message) ? 1 : 0) + max(1, bodyLines) + message.attachments.count
    }

    /// A message copied to someone, sent to several, or asking for replies elsewhere gets a line of addresses.
    static func hasAddresses(_ message: Message) -> Bool {
        message.direction != .note && (!message.cc.isEmpty || !message.replyTo.isEmpty || message.to.count > 1)
    }

    /// "to sam@…, help@… · cc alex@… · reply-to ann@…", sanitised (addresses come from the customer's mail)
    /// and cut to `width`.
    static func addresses(_ message: Message, width: Int) -> String {
        var parts = ["to " + message.to.joined(separator: ", ")]
        if !message.cc.isEmpty { parts.append("cc " + message.cc.joined(separator: ", ")) }
        if !message.replyTo.isEmpty { parts.append("reply-to " + message.replyTo.joined(separator: ", ")) }
        return TextLayout.truncated(DisplaySafety.sanitised(parts.joined(separator: " · ")), to: width)
    }

    /// The lines of one message's block whose index within the block is in `range`.
    private static func block(_ message: Message, isFirst: Bool, body: [String], _ t: ThreadState, _ state: AppState,
                              range: Range<Int>, textWidth: Int) -> [ThreadLine] {
        var out: [ThreadLine] = []
        var index = 0
        if !isFirst {
            if range.contains(index) { out.append(ThreadLine()) }
            index += 1
        }
        if range.contains(index) { out.append(header(message, t, state)) }
        index += 1
        if hasAddresses(message) {
            if range.contains(index) {
                out.append(ThreadLine(prefix: "  ", text: addresses(message, width: textWidth), style: .dim))
            }
            index += 1
        }
        let isNote = message.direction == .note
        let shown = body.isEmpty ? ["(no text)"] : body
        for k in range.clamped(to: index..<(index + shown.count)) {
            out.append(ThreadLine(prefix: isNote ? "┃ " : "  ", prefixStyle: isNote ? .note : .plain,
                                  text: shown[k - index], style: isNote ? .note : .plain))
        }
        index += shown.count
        let first = message.attachments.isEmpty ? 0 : t.firstAttachmentNumber(of: message.id)
        for (i, a) in message.attachments.enumerated() {
            if range.contains(index) {
                let name = a.filename.map { DisplaySafety.sanitised($0) } ?? "unnamed"
                let type = DisplaySafety.sanitised(a.contentType)
                out.append(ThreadLine(prefix: "  ", text: "[attachment \(first + i)] \(name) (\(type), \(size(a.size)))",
                                      style: .dim))
            }
            index += 1
        }
        return out
    }

    /// A message's first line: who wrote to whom, and when.
    static func header(_ message: Message, _ t: ThreadState, _ state: AppState) -> ThreadLine {
        let date = Formatting.dateTime(message.date, state.timeZone)
        let author = state.firstName(of: message.author) ?? message.author ?? message.from
        switch message.direction {
        case .inbound:
            // Bare addresses get the customer's name in front, so the agent sees who wrote; not a relay's
            // address (a form's no-reply From whose Reply-To named the customer): that is not them.
            var sender = message.from
            let isTheirs = t.profile.map { $0.customer.addresses.contains(EmailAddress.normalized(sender)) } ?? message.replyTo.isEmpty
            if !sender.contains("<"), isTheirs, let name = t.target?.customerName, !name.isEmpty { sender = "\(name) <\(sender)>" }
            return ThreadLine(prefix: "▶ ", prefixStyle: .accent, text: sender, style: .title, right: date)
        case .outbound where message.isUnverifiedOutbound:
            // Someone wrote an agent's address in From; Rapport did not send it.
            return ThreadLine(prefix: "◀ ", prefixStyle: .outbound,
                              text: "⚠ not sent by Rapport: \(message.from) to \(message.to.joined(separator: ", "))",
                              style: .error, right: date)
        case .outbound:
            let to = message.to.joined(separator: ", ")
            // The store's delivery state (every inbox sees it), else what this inbox saw of its own replies.
            let item = t.outbox[message.id]
            let delivery = state.compose.deliveries[message.id]
            let label = item?.threadLabel ?? delivery?.label
            let failed: Bool = if let item { item.awaitsAPerson && item.state != .sending }
                               else if case .failed = delivery { true } else { false }
            return ThreadLine(prefix: "◀ ", prefixStyle: .outbound,
                              text: "\(author) to \(to)" + (label.map { " · " + $0 } ?? ""),
                              style: failed ? .error : Style(foreground: .green, bold: true), right: date)
        case .note:
            return ThreadLine(prefix: "┃ ", prefixStyle: .note, text: "NOTE by \(author)",
                              style: Style(foreground: .yellow, bold: true), right: date)
        }
    }

    static func paneWidth(_ t: ThreadState, state: AppState) -> Int {
        state.layout.messagePaneWidth(override: t.sidebarOverride)
    }

    /// The width `lines` wraps bodies to, in the message pane.
    static func textWidth(_ t: ThreadState, state: AppState) -> Int {
        max(1, paneWidth(t, state: state) - 2)
    }

    static func maxScroll(_ t: ThreadState, state: AppState) -> Int {
        max(0, metrics(t, width: paneWidth(t, state: state)).count - state.layout.threadHeight)
    }

    static func lastMessageStart(_ t: ThreadState, state: AppState) -> Int {
        metrics(t, width: paneWidth(t, state: state)).starts.last ?? 0
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
