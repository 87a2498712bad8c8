import RapportCore

/// The composer, drawn over the thread's message pane: the newest messages above it (on tall
/// terminals), a title rule, messages that arrived while composing, the editor with a gutter
/// marking lines that break the policy, and a footer saying why. Its keys go in the message row.
enum ComposerScreen {
    static func draw(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        guard let c = state.activeComposer, let t = state.thread, let l = state.composerLayout else { return }
        buffer.fill(x: 0, y: layout.threadTop, width: l.width, height: layout.threadHeight)
        drawThreadTail(t, state, l, into: &buffer)
        drawTitle(c, state, l, into: &buffer)
        drawAddresses(c, l, into: &buffer)
        drawAttachments(c, l, into: &buffer)
        drawBanner(c, state, l, into: &buffer)
        drawEditor(c, l, into: &buffer)
        drawLegalFooter(c, state.compose.legalFooter, l, into: &buffer)
        drawFooter(c, state, l, into: &buffer)
        drawMessageRow(c, state, layout, into: &buffer)
        if let picker = c.picker { TemplatePickerOverlay.draw(picker, l, into: &buffer) }
    }

    // MARK: - Parts

    /// The last lines of the conversation, so the newest message stays in sight.
    static func drawThreadTail(_ t: ThreadState, _ state: AppState, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard l.threadRows > 0 else { return }
        for (i, line) in ThreadLayout.tail(t, width: l.width, state: state, count: l.threadRows).enumerated() {
            let y = l.threadTop + i
            let x = buffer.write(line.prefix, x: 0, y: y, width: l.width, style: line.prefixStyle)
            var room = l.width - x
            if let right = line.right {
                let w = DisplayWidth.of(right)
                if w + 1 < room - 10 {
                    buffer.write(right, x: l.width - w, y: y, style: .dim)
                    room -= w + 1
                }
            }
            buffer.write(line.text, x: x, y: y, width: room, style: line.style)
        }
    }

    /// "── Reply to Dana Whitfield · existing customer ─────── ✗ 2  ! 1 · saved ──"
    static func drawTitle(_ c: Composer, _ state: AppState, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        let y = l.titleRow
        buffer.write(String(repeating: "─", count: l.width), x: 0, y: y, style: .dim)
        let compact = l.width < 60
        var title: String
        switch c.kind {
        case .reply:
            let name = compact ? c.customer.firstName : c.customer.fullName
            title = "\(c.noun) to \(name.isEmpty ? c.customer.primaryEmail : name)"
            if c.customer.nameIsGuess { title += compact ? "?" : " (name guessed)" }
            if !compact { title += c.customer.isExisting ? " · existing customer" : " · new customer" }
            if let cover = c.cover { title += " · covering for \(cover.ownerName)" }
        case .note:
            title = compact ? "Internal note" : "Internal note · never sent to the customer"
        }
        var right: [String] = []
        let blocks = c.violations.filter(\.blocks).count, warns = c.violations.count - blocks
        if blocks > 0 { right.append("✗ \(blocks)") }
        if warns > 0 { right.append("! \(warns)") }
        if let days = c.remindDays { right.append(compact ? "rem \(days)d" : "remind in \(days)d") }
        switch (c.sending, c.saveState) {
        case (true, _): right.append("sending…")
        case (_, .saved): right.append(compact ? "saved" : "draft saved")
        case (_, .saving), (_, .unsaved): right.append("unsaved")
        case (_, .clean): break
        }
        let rightText = right.isEmpty ? "" : " " + right.joined(separator: "  ") + " "
        let rightWidth = DisplayWidth.of(rightText)
        let x = buffer.write(" " + title + " ", x: 1, y: y, width: max(0, l.width - rightWidth - 3),
                             style: c.kind == .note ? Style(foreground: .yellow, bold: true) : .title)
        if rightWidth > 0, 1 + x + rightWidth + 1 <= l.width {
            buffer.write(rightText, x: l.width - rightWidth - 1, y: y, style: blocks > 0 ? .error : .dim)
        }
    }

    /// "To ann@lee.example · Cc alex@…, kim@… · Ctrl-R reply-all on", or why the reply cannot go.
    static func drawAddresses(_ c: Composer, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard let y = l.addressRow else { return }
        if let problem = c.recipientsProblem {
            buffer.write("✗ " + problem, x: 0, y: y, width: l.width, style: .error)
            return
        }
        guard let recipients = c.recipients else { return }
        let toggle = l.width < 60 ? "^R" : "Ctrl-R reply-all"
        var cc = ""
        if !recipients.cc.isEmpty {
            cc = c.replyAll ? " · Cc " + recipients.cc.joined(separator: ", ") : " · Cc off (\(recipients.cc.count) left out)"
        }
        let hint = recipients.cc.isEmpty ? "" : " · \(toggle) \(c.replyAll ? "on" : "off")"
        let hintWidth = DisplayWidth.of(hint)
        // The hint stays whole; a long Cc list is what gets cut.
        let text = TextLayout.truncated(DisplaySafety.sanitised("To \(recipients.to)" + cc), to: max(1, l.width - 1 - hintWidth))
        let x = 1 + buffer.write(text, x: 1, y: y, width: l.width - 1, style: .plain)
        buffer.write(hint, x: x, y: y, width: max(0, l.width - x), style: .dim)
    }

    /// "Attached: quote.pdf (1.2 MB), photo.jpg (340 KB) · Ctrl-X removes the last"
    static func drawAttachments(_ c: Composer, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard let y = l.attachmentRow else { return }
        let hint = l.width < 60 ? " · ^X" : " · Ctrl-X removes the last"
        let files = c.attachments.map { "\($0.name) (\(AttachmentRule.sizeText($0.size)))" }.joined(separator: ", ")
        let text = TextLayout.truncated(DisplaySafety.sanitised("Attached: " + files), to: max(1, l.width - 1 - DisplayWidth.of(hint)))
        let x = 1 + buffer.write(text, x: 1, y: y, width: l.width - 1, style: .plain)
        buffer.write(hint, x: x, y: y, width: max(0, l.width - x), style: .dim)
    }

    /// Messages that reached the conversation while composing; sending asks for a confirmation.
    static func drawBanner(_ c: Composer, _ state: AppState, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard l.bannerRows > 0, let newest = c.unseen.last else { return }
        let who: String
        switch newest.direction {
        case .inbound: who = c.customer.firstName.isEmpty ? newest.from : c.customer.firstName
        case .outbound, .note: who = state.firstName(of: newest.author) ?? newest.from
        }
        let what = newest.direction == .note ? "added a note" : "wrote"
        let time = Formatting.dateTime(newest.date, state.timeZone).suffix(5)
        let more = c.unseen.count > 1 ? " (+\(c.unseen.count - 1) more)" : ""
        let firstLine = newest.text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
            .map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let style = Style(foreground: .yellow, bold: true)
        if l.bannerRows >= 2 {
            buffer.write("▶ New: \(who) \(what) at \(time) while you were writing\(more) — shown above; sending asks first",
                         x: 0, y: l.bannerTop, width: l.width, style: style)
            buffer.write("  “\(firstLine)”", x: 0, y: l.bannerTop + 1, width: l.width, style: .plain)
        } else {
            buffer.write("▶ New from \(who) \(time)\(more): “\(firstLine)”", x: 0, y: l.bannerTop, width: l.width, style: style)
        }
    }

    /// The text, soft-wrapped, with ✗ (blocks sending) or ! (a warning) beside offending lines.
    static func drawEditor(_ c: Composer, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard c.loaded else {
            buffer.write("Loading the draft…", x: ComposerLayout.gutter, y: l.editorTop, style: .dim)
            return
        }
        let rows = c.editor.layout(width: l.editorWidth)
        let blockLines = Set(c.violations.filter(\.blocks).map(\.line))
        let warnLines = Set(c.violations.filter { !$0.blocks }.map(\.line))
        for i in 0..<l.editorHeight {
            let index = c.scroll + i
            guard index < rows.count else { break }
            let row = rows[index]
            let y = l.editorTop + i
            let firstOfLine = index == 0 || rows[index - 1].logicalLine != row.logicalLine
            if firstOfLine {
                if blockLines.contains(row.logicalLine + 1) { buffer.write("✗", x: 0, y: y, style: .error) }
                else if warnLines.contains(row.logicalLine + 1) { buffer.write("!", x: 0, y: y, style: .accent) }
            }
            buffer.write(row.text, x: ComposerLayout.gutter, y: y, width: l.editorWidth)
        }
        if c.editor.isEmpty {
            let hint = c.kind == .reply ? "Write your \(c.noun.lowercased()) here — Ctrl-T for a template" : "Write a note for the team"
            buffer.write(hint, x: ComposerLayout.gutter + 1, y: l.editorTop, width: l.editorWidth - 1, style: .dim)
        }
        let cursor = c.editor.cursorPosition(width: l.editorWidth)
        let y = l.editorTop + cursor.row - c.scroll
        if y >= l.editorTop, y < l.editorTop + l.editorHeight {
            buffer.restyle(x: ComposerLayout.gutter + cursor.column, y: y, width: 1) { $0.reverse = true }
        }
    }

    /// The legal footer under the reply's last line, dim, as the email will carry it: the agent sees it
    /// goes out without typing it, and that the policy does not count it.
    static func drawLegalFooter(_ c: Composer, _ footer: String?, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard c.kind == .reply, c.loaded, let footer else { return }
        // As sent: a blank line, the delimiter, the footer.
        let lines = ["", LegalFooter.delimiter] + footer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var y = l.editorTop + c.editor.layout(width: l.editorWidth).count - c.scroll
        for (i, line) in lines.enumerated() {
            defer { y += 1 }
            guard y >= l.editorTop else { continue }
            guard y < l.editorTop + l.editorHeight else { break }
            let x = buffer.write(line, x: ComposerLayout.gutter, y: y, width: l.editorWidth, style: .dim)
            if i == 1 {
                buffer.write("  legal footer: added when sent, not checked", x: ComposerLayout.gutter + x, y: y,
                             width: max(0, l.editorWidth - x), style: .dim)
            }
        }
    }

    /// Why the reply cannot go yet, one violation after another; or that nothing blocks.
    static func drawFooter(_ c: Composer, _ state: AppState, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        guard l.footerRows > 0 else { return }
        var lines: [(String, Style)] = []
        if c.violations.isEmpty {
            if c.isBlank {
                let rules = c.customer.isExisting
                    ? "Checked as you type: greet by first name, sign with your first name alone, no signature, at most \(state.compose.limits.maxWords) words."
                    : "Checked as you type: greet by name, invite a reply, and ask how they heard about us."
                // A guessed name comes first: it changes what the greeting may be.
                let guess = c.customer.nameIsGuess
                    ? "Name guessed from the address: \"Hello,\" will do; `rapport customer edit` (or c, e) sets the real one." : nil
                let wrap = { (text: String) in TextLayout.wrapped(text, width: max(1, l.width - 1)).map { ($0, Style.dim) } }
                let choices = [guess.map { wrap($0) + wrap(rules) }, guess.map(wrap), wrap(rules)].compactMap { $0 }
                lines = choices.first { $0.count <= l.footerRows }
                    ?? [(TextLayout.truncated(guess ?? rules, to: l.width), .dim)]
            } else {
                lines = [("✓ Nothing blocks sending (Ctrl-S)", Style(foreground: .green, bold: true))]
            }
        } else {
            let cursorLine = c.editor.characters[..<c.editor.cursor].filter { $0 == "\n" }.count + 1
            var ordered = c.violations
            if l.footerRows < 3, let i = ordered.firstIndex(where: { $0.line == cursorLine }) {
                ordered.insert(ordered.remove(at: i), at: 0)      // little room: the line being written first
            }
            func head(_ v: Violation) -> String { "\(v.blocks ? "✗" : "!") line \(v.line) \(v.rule.rawValue): " }
            if l.footerRows == 1 {
                let v = ordered[0]
                let tag = ordered.count > 1 ? " (+\(ordered.count - 1))" : ""
                let cut = TextLayout.truncated(head(v) + v.message, to: max(1, l.width - DisplayWidth.of(tag)))
                lines = [(cut + tag, v.blocks ? .error : .accent)]
            } else {
                var owner: [Int] = []          // which violation each line belongs to
                for (n, v) in ordered.enumerated() {
                    for (k, text) in TextLayout.wrapped(head(v) + v.message, width: max(1, l.width - 2)).enumerated() {
                        lines.append((k == 0 ? text : "  " + text, k > 0 ? .plain : (v.blocks ? .error : .accent)))
                        owner.append(n)
                    }
                }
                if lines.count > l.footerRows {
                    let kept = l.footerRows - 1
                    // A violation cut short still counts as shown.
                    let rest = ordered.suffix(from: kept > 0 ? owner[kept - 1] + 1 : 0)
                    lines = Array(lines.prefix(kept))
                    let names = rest.map { "\($0.rule.rawValue) (line \($0.line))" }.joined(separator: ", ")
                    lines.append((rest.isEmpty ? "…" : "… \(rest.count) more: \(names)", .dim))
                }
            }
        }
        for (i, line) in lines.prefix(l.footerRows).enumerated() {
            buffer.write(line.0, x: 0, y: l.footerTop + i, width: l.width, style: line.1)
        }
    }

    /// A confirmation question, the last message, or the composer's keys.
    static func drawMessageRow(_ c: Composer, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let y = layout.messageRow
        if let confirmation = c.confirmation {
            buffer.fill(x: 0, y: y, width: layout.width, height: 1)
            let text: String
            switch confirmation {
            case .discard:
                text = layout.isCompact ? "Discard the draft? y / n" : "Discard this draft? y discard · n keep it"
            case .sendDespiteNewMessages:
                var who = c.unseen.contains { $0.direction == .inbound } ? c.customer.firstName : "Someone"
                if who.isEmpty { who = "Someone" }
                text = layout.isCompact ? "\(who) wrote meanwhile. Send? y / n"
                    : "\(who) wrote while you were writing (shown above). Send anyway? y send · n not yet"
            }
            buffer.write(text, x: 0, y: y, width: layout.width, style: Style(foreground: .yellow, bold: true))
            return
        }
        guard state.message == nil, state.overlay == nil else { return }
        buffer.fill(x: 0, y: y, width: layout.width, height: 1)
        let hint: String
        if c.picker != nil {
            hint = layout.isCompact ? "↑↓ choose  Enter insert  Esc back" : "type to filter  ↑↓ choose  Enter insert  Esc back to the editor"
        } else if c.kind == .note {
            hint = layout.isCompact ? "^S add  ^E editor  ^D discard  Esc" : "Ctrl-S add note  Ctrl-E editor  Ctrl-D discard  Esc close (kept)  F1 help"
        } else {
            hint = layout.isCompact ? "^S send ^F fix ^T tmpl ^E edit Esc"
                : "Ctrl-S send  Ctrl-F fix  Ctrl-T templates  Ctrl-E editor  Ctrl-D discard  Esc close (kept)  F1 help"
        }
        buffer.write(hint, x: 0, y: y, width: layout.width, style: .dim)
    }
}
