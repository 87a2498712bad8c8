import Foundation
import RapportCore

/// The composer: opening it (owner only for replies), editing, the live policy, Fix, templates,
/// the external editor, drafts saved by ticks and mode changes, collisions, and sending.
extension AppState {
    // MARK: - Opening

    /// `r` / `n`, in a thread or on a list row (which opens the thread first).
    mutating func openComposer(_ kind: DraftKind) -> [Effect] {
        // On the list, the row's thread opens first (loaded at once when it was read ahead).
        let opening = thread == nil ? openSelected() : []
        guard let t = thread else { return opening }
        guard t.loaded, t.profile != nil else {
            compose.pending = PendingCompose(conversationID: t.conversationID, kind: kind)
            return opening
        }
        return opening + startComposer(kind, in: t)
    }

    /// Opens the editor once the customer is known, or says why a reply is not ours to write.
    mutating func startComposer(_ kind: DraftKind, in t: ThreadState) -> [Effect] {
        guard let profile = t.profile else {
            message = StatusMessage("This conversation's customer could not be read", isError: true)
            return []
        }
        let cover = cover(forOwner: profile.customer.owner)
        if kind == .reply,
           let refusal = ReplyPermission.refusal(customer: profile.customer, owner: profile.owner, agent: agent, cover: cover) {
            message = StatusMessage(refusal, isError: true)
            return []
        }
        compose.composer = Composer(conversationID: t.conversationID, kind: kind, customer: profile.customer,
                                    seenUpTo: t.messages.map(\.id).max() ?? 0)
        // Answering for an away owner: the reply must tell the customer (the policy's cover rule; Ctrl-F offers it).
        compose.composer?.cover = cover.map { CoverNote(absence: $0, owner: profile.owner, timeZone: timeZone) }
        compose.composer?.answersCustomer = ReplyThreading.answersCustomer(t.messages)
        return [.composer(.loadDraft(t.conversationID))]
    }

    /// The composer for the conversation on screen, if one is open.
    var activeComposer: Composer? {
        guard let c = compose.composer, let t = thread, t.conversationID == c.conversationID else { return nil }
        return c
    }

    var composerLayout: ComposerLayout? {
        guard let c = activeComposer, let t = thread else { return nil }
        return ComposerLayout(layout: layout, thread: t, composer: c)
    }

    // MARK: - Messages from the runner

    mutating func composerReceive(_ msg: ComposerMsg) -> [Effect] {
        switch msg {
        case let .draftLoaded(id, draft):
            guard var c = compose.composer, c.conversationID == id, !c.loaded else { return [] }
            c.loaded = true
            if let draft {
                c.editor = EditorBuffer(text: draft.text, cursor: draft.cursor)
                c.due = draft.due
                c.attachments = draft.attachments
                if draft.kind != c.kind {
                    // One draft per conversation: open the one there is rather than hide it.
                    let mayReply = ReplyPermission.refusal(customer: c.customer, owner: thread?.profile?.owner,
                                                           agent: agent, cover: cover(forOwner: c.customer.owner)) == nil
                    c.kind = draft.kind == .reply && !mayReply ? .note : draft.kind
                    message = StatusMessage("Your unsent \(c.noun.lowercased()) is open (Ctrl-D discards it)")
                    if c.kind != draft.kind { c.saveState = .unsaved }
                }
            }
            c.recheck(agent: agent, limits: compose.limits)
            compose.composer = c
            scrollComposer()
            return []

        case .draftSaved(let id):
            if compose.composer?.conversationID == id, compose.composer?.saveState == .saving {
                compose.composer?.saveState = .saved
            }
            return []

        case let .draftSaveFailed(id, reason):
            if compose.composer?.conversationID == id { compose.composer?.saveState = .unsaved }
            message = StatusMessage("Draft not saved: \(reason)", isError: true)
            return []

        case let .replyQueued(id, item):
            let name = compose.composer?.customer.firstName ?? customerName(thread?.target?.customerID ?? 0)
            let noun = compose.composer.map { $0.conversationID == id ? $0.noun : "Reply" } ?? "Reply"
            let remind = compose.composer?.conversationID == id ? compose.composer?.remindDays : nil
            if compose.composer?.conversationID == id { compose.composer = nil }
            compose.awaitingDelivery[item.id] = AwaitingDelivery(customerName: name, messageRowID: item.messageRowID,
                                                                 noun: noun)
            compose.deliveries[item.messageRowID] = .queued
            message = StatusMessage("\(noun) to \(name) queued for \(item.toAddress); delivering…")
            // Our own writes do not come back through the change feed: read the reply into the thread.
            let reminder: [Effect] = remind.map { [.composer(.remindIfNoReply(id, days: $0))] } ?? []
            return reminder + [.composer(.deliverOutbox)] + refresh()

        case let .attached(id, file):
            guard var c = compose.composer, c.conversationID == id else { return [] }
            c.attachments.append(file)
            c.saveState = .unsaved
            compose.composer = c
            message = StatusMessage("Attached \(file.name) (\(AttachmentRule.sizeText(file.size)))")
            return []

        case let .pathCompleted(typed, completed, candidates):
            guard case .prompt(var prompt) = overlay, case .attachFile = prompt.purpose, prompt.text == typed else { return [] }
            prompt.input = LineInput(completed)
            overlay = .prompt(prompt)
            if candidates.count > 1 { message = StatusMessage(candidates.joined(separator: "  ")) }
            else if candidates.isEmpty { message = StatusMessage("Nothing there starts with that", isError: true) }
            return []

        case let .reminderSet(_, until):
            let name = thread?.target?.customerName ?? "the customer"
            message = StatusMessage("Back in your views \(Formatting.dateTime(until, timeZone)) if \(name) has not answered by then")
            // The reload `replyQueued` asked for runs after the snooze was written (effects run in order).
            return []

        case .noteAdded(let id):
            if compose.composer?.conversationID == id { compose.composer = nil }
            message = StatusMessage("Internal note added")
            return refresh()

        case let .sendFailed(id, reason):
            if compose.composer?.conversationID == id {
                compose.composer?.sending = false
            }
            message = StatusMessage("Not sent: \(reason)", isError: true)
            return []

        case let .edited(id, text):
            guard var c = compose.composer, c.conversationID == id else { return [] }
            var text = text
            // Editors end the file with a newline; the draft did not have one.
            if text.hasSuffix("\n"), !c.text.hasSuffix("\n") { text.removeLast() }
            if text != c.text {
                // The old offset means nothing in rewritten text: go on writing at its end.
                c.editor.replaceText(text, cursor: text.count)
                c.edited()
                c.recheck(agent: agent, limits: compose.limits)
            }
            compose.composer = c
            scrollComposer()
            return saveDraftNow()

        case let .externalEditFailed(_, reason):
            message = StatusMessage("External editor: \(reason)", isError: true)
            return []

        case let .templatesRendered(id, choices, problems):
            guard compose.composer?.conversationID == id, compose.composer?.picker != nil else { return [] }
            compose.composer?.picker?.choices = choices
            compose.composer?.picker?.problems = problems
            return []

        case .conversationStarted(let id):
            screen = .thread(ThreadState(conversationID: id, summary: nil))
            compose.pending = PendingCompose(conversationID: id, kind: .reply)
            message = nil
            return [.openConversation(id)] + refresh()

        case let .recipientsLoaded(id, recipients, problem):
            guard compose.composer?.conversationID == id else { return [] }
            compose.composer?.recipients = recipients
            compose.composer?.recipientsProblem = problem
            return []

        case .delivered(let result):
            for entry in result.entries {
                guard let waiting = compose.awaitingDelivery.removeValue(forKey: entry.outboxID) else { continue }
                let name = waiting.customerName
                if let error = entry.error {
                    compose.deliveries[waiting.messageRowID] = .failed(error)
                    message = StatusMessage("\(waiting.noun) to \(name) not delivered: \(error) — kept in the outbox (D: retry or mark as sent)",
                                            isError: true)
                } else {
                    compose.deliveries[waiting.messageRowID] = .sent
                    message = StatusMessage("\(waiting.noun) to \(name) sent to \(entry.to)")
                }
            }
            // The store now holds each reply's delivery state: the thread and the problem count follow it.
            return result.entries.isEmpty ? [] : [.loadCounts] + (thread.map { [.openConversation($0.conversationID)] } ?? [])

        case let .deliveryDecided(id, decision, error):
            return deliveryDecided(id, decision, error: error)
        }
    }

    /// The thread was read again: open a waiting composer, or bring the open one up to date
    /// (the customer's record, and messages that arrived while composing).
    mutating func composerThreadLoaded() -> [Effect] {
        if let p = compose.pending, let t = thread, t.conversationID == p.conversationID, t.loaded {
            compose.pending = nil
            return startComposer(p.kind, in: t)
        }
        guard var c = activeComposer, let t = thread else { return [] }
        let customerChanged = t.profile.map { $0.customer != c.customer } ?? false
        if customerChanged, let customer = t.profile?.customer {
            c.customer = customer
            c.stale = true
        }
        let known = Set(c.unseen.map(\.id))
        let fresh = t.messages.filter {
            $0.id > c.seenUpTo && !known.contains($0.id) && ($0.direction == .inbound || $0.author != agent.login)
        }
        if !fresh.isEmpty {
            c.unseen += fresh
            if ReplyThreading.answersCustomer(fresh) { c.answersCustomer = true }
            if c.confirmation == .sendDespiteNewMessages {
                // The question was about what had arrived before; read the newest first.
                c.confirmation = nil
                message = StatusMessage("Another message arrived — read it, then send again")
            }
        }
        // The customer's new message (or record) may change who the reply goes to and who is copied.
        let readdress = c.kind == .reply && (fresh.contains { $0.direction == .inbound } || customerChanged)
        if c.stale { c.recheck(agent: agent, limits: compose.limits) }
        compose.composer = c
        scrollComposer()
        return readdress ? [.composer(.loadRecipients(c.conversationID))] : []
    }

    /// Drafts are written on the first tick after a change: at most about half a second later.
    mutating func composerTick() -> [Effect] {
        saveDraftNow()
    }

    /// Writes the draft if it changed (mode changes call this too). An emptied draft is removed.
    mutating func saveDraftNow() -> [Effect] {
        guard var c = compose.composer, c.loaded, c.saveState == .unsaved else { return [] }
        c.saveState = .saving
        compose.composer = c
        if c.isBlank && c.attachments.isEmpty { return [.composer(.deleteDraft(c.conversationID))] }
        return [.composer(.saveDraft(c.draft(agent: agent.login, at: now)))]
    }

    /// Runs the policy again if the text changed (once per key, or once per burst of keys).
    mutating func refreshComposerChecks() {
        guard compose.composer?.stale == true else { return }
        compose.composer?.recheck(agent: agent, limits: compose.limits)
    }

    func scrollComposerIn(_ c: inout Composer) {
        if let l = composerLayout { c.keepCursorVisible(l) }
    }

    mutating func scrollComposer() {
        guard let l = composerLayout else { return }
        compose.composer?.keepCursorVisible(l)
    }

    // MARK: - Keys

    /// Handles a key when the composer is open; nil when it is not.
    mutating func composerKey(_ key: Key) -> [Effect]? {
        guard let c = compose.composer else { return nil }
        guard activeComposer != nil else {
            compose.composer = nil          // its thread has gone from the screen
            return nil
        }
        if !c.loaded || c.sending { return [] }
        if let confirmation = c.confirmation { return confirmKey(key, confirmation) }
        if c.picker != nil { return templateKey(key) }
        if let slot = c.slot {
            compose.composer?.slot = nil
            if let effects = fillSlot(slot, key) { return effects }
        }
        if case .paste(let text) = key { return edit { $0.insert(text) } }
        guard let action = keyMap.action(for: key, in: .composer) else {
            if case .char(let ch) = key { return edit { $0.insert(String(ch)) } }
            return []
        }
        guard case .composer(let command) = action else {
            switch action {
            case .redraw: return [.redraw]
            case .suspend: return saveDraftNow() + [.suspend]
            default: return []
            }
        }
        return perform(command)
    }

    mutating func perform(_ command: ComposerAction) -> [Effect] {
        guard let l = composerLayout else { return [] }
        let w = l.editorWidth
        switch command {
        case .send: return sendComposer()
        case .replyAll:
            guard compose.composer?.kind == .reply else { return [] }
            compose.composer?.replyAll.toggle()
            let on = compose.composer?.replyAll == true, copied = compose.composer?.recipients?.cc.count ?? 0
            message = StatusMessage(copied == 0 ? "Reply-all \(on ? "on" : "off") (nobody else was on the customer's message)"
                                    : on ? "Reply-all on: the \(copied) people copied are copied again" : "Reply-all off: to the customer alone")
            return []
        case .fix: return fixComposer()
        case .attach:
            guard let c = compose.composer, c.kind == .reply else {
                message = StatusMessage("Files go with replies: a note is never sent", isError: true)
                return []
            }
            overlay = .prompt(Prompt(.attachFile(c.conversationID), text: "~/"))
            return []
        case .detach:
            guard var c = compose.composer, let last = c.attachments.popLast() else {
                message = StatusMessage("No file is attached")
                return []
            }
            c.saveState = .unsaved
            compose.composer = c
            message = StatusMessage("Removed \(last.name)" + (c.attachments.isEmpty ? "" : " (Ctrl-X again for \(c.attachments.last!.name))"))
            return []
        case .remind:
            guard var c = compose.composer, c.kind == .reply else {
                message = StatusMessage("A reminder is for replies: a note is never answered", isError: true)
                return []
            }
            c.nextReminder()
            compose.composer = c
            message = StatusMessage(c.remindDays.map { "Remind me if no reply in \($0) days: set (Ctrl-G to change)" }
                                    ?? "No reminder")
            return []
        case .templates:
            guard let id = compose.composer?.conversationID else { return [] }
            compose.composer?.picker = TemplatePicker()
            return saveDraftNow() + [.composer(.renderTemplates(id))]
        case .externalEditor:
            guard let c = compose.composer else { return [] }
            return saveDraftNow() + [.composer(.editExternally(c.conversationID, text: c.text))]
        case .leave:
            let effects = saveDraftNow()
            let kept = compose.composer?.isBlank == false
            compose.composer = nil
            message = StatusMessage(kept ? "Draft kept — r or n to go on writing" : "Composer closed")
            // A new conversation (`m`) is listed for its draft: read the list again once the draft is written.
            return effects + (thread?.messages.isEmpty == true ? refresh() : [])
        case .discard:
            compose.composer?.confirmation = .discard
            return []
        case .help:
            let effects = saveDraftNow()
            // Open the help where the composer's keys are (in whichever column they are).
            let columns = HelpOverlay.columns(keyMap, width: width)
            let row = columns.compactMap { $0.firstIndex { $0.isHeading && $0.keys == KeyContext.composer.title } }.first ?? 0
            overlay = .help(scroll: min(row, HelpOverlay.maxScroll(keyMap, layout)))
            return effects
        case .newline: return edit { $0.insert("\n") }
        case .deleteBackward: return edit { $0.deleteBackward() }
        case .deleteForward: return edit { $0.deleteForward() }
        case .deleteWordBackward: return edit { $0.deleteWordBackward() }
        case .left: return move { $0.moveLeft() }
        case .right: return move { $0.moveRight() }
        case .up: return move { $0.moveUp(width: w) }
        case .down: return move { $0.moveDown(width: w) }
        case .wordLeft: return move { $0.moveWordLeft() }
        case .wordRight: return move { $0.moveWordRight() }
        case .lineStart: return move { $0.moveToVisualLineStart(width: w) }
        case .lineEnd: return move { $0.moveToVisualLineEnd(width: w) }
        case .pageUp: return move { $0.moveVertically(by: -max(1, l.editorHeight - 1), width: w) }
        case .pageDown: return move { $0.moveVertically(by: max(1, l.editorHeight - 1), width: w) }
        case .textStart: return move { $0.moveToStart() }
        case .textEnd: return move { $0.moveToEnd() }
        }
    }

    /// A key on a freshly placed slot: typed or pasted text replaces it, Backspace or Delete removes it;
    /// nil for any other key (the slot stays as text).
    mutating func fillSlot(_ slot: Range<Int>, _ key: Key) -> [Effect]? {
        guard compose.composer?.editor.cursor == slot.lowerBound else { return nil }
        let action = keyMap.action(for: key, in: .composer)
        switch (key, action) {
        case (.paste(let text), _): return edit { $0.replace(slot, with: text) }
        case (.char(let ch), nil): return edit { $0.replace(slot, with: String(ch)) }
        case (_, .composer(.deleteBackward)?), (_, .composer(.deleteForward)?): return edit { $0.replace(slot, with: "") }
        default: return nil
        }
    }

    /// Changes the text: the policy runs again (after the key) and the draft is due for saving.
    mutating func edit(_ change: (inout EditorBuffer) -> Void) -> [Effect] {
        guard var c = compose.composer else { return [] }
        let before = c.editor
        change(&c.editor)
        if c.editor != before { c.edited() }
        scrollComposerIn(&c)
        compose.composer = c
        return []
    }

    /// Moves the cursor: nothing to check, but the cursor is part of the draft.
    mutating func move(_ change: (inout EditorBuffer) -> Void) -> [Effect] {
        guard var c = compose.composer else { return [] }
        let before = c.editor.cursor
        change(&c.editor)
        if c.editor.cursor != before, c.saveState != .unsaved { c.saveState = .unsaved }
        scrollComposerIn(&c)
        compose.composer = c
        return []
    }

    // MARK: - Send, Fix, confirmations

    mutating func sendComposer() -> [Effect] {
        guard var c = compose.composer else { return [] }
        c.recheck(agent: agent, limits: compose.limits)
        defer { compose.composer = c }
        if c.isBlank {
            message = StatusMessage("Nothing to send yet", isError: true)
            return []
        }
        if c.kind == .note {
            c.sending = true
            return [.composer(.addNote(c.conversationID, text: c.text))]
        }
        if let profile = thread?.profile,
           let refusal = ReplyPermission.refusal(customer: profile.customer, owner: profile.owner, agent: agent,
                                                 cover: cover(forOwner: profile.customer.owner)) {
            message = StatusMessage(refusal, isError: true)
            return []
        }
        let blocking = c.blocking
        if !blocking.isEmpty {
            message = StatusMessage(Self.refusalSummary(blocking), isError: true)
            return []
        }
        if !c.unseen.isEmpty {
            c.confirmation = .sendDespiteNewMessages
            return []
        }
        c.sending = true
        return [.composer(.sendReply(c.conversationID, text: c.text, replyAll: c.replyAll, attachments: c.attachments))]
    }

    /// "Not sent — greeting (line 1), signoff (line 7), signature (lines 8, 9): see below; Ctrl-F fixes what it can".
    static func refusalSummary(_ blocking: [Violation]) -> String {
        var lines: [PolicyRule: [Int]] = [:]
        var order: [PolicyRule] = []
        for v in blocking {
            if lines[v.rule] == nil { order.append(v.rule) }
            lines[v.rule, default: []].append(v.line)
        }
        let parts = order.map { rule -> String in
            let l = lines[rule] ?? []
            return "\(rule.rawValue) (line\(l.count > 1 ? "s" : "") \(l.map(String.init).joined(separator: ", ")))"
        }
        let fixable = blocking.contains { [.greeting, .signoff, .signature, .cover].contains($0.rule) }
        return "Not sent — " + parts.joined(separator: ", ") + (fixable ? "; Ctrl-F fixes what it can" : "; see below")
    }

    mutating func fixComposer() -> [Effect] {
        guard var c = compose.composer else { return [] }
        guard c.kind == .reply else {
            message = StatusMessage("Notes are internal: there is nothing to fix")
            return []
        }
        c.recheck(agent: agent, limits: compose.limits)
        let before = Set(c.violations.map(\.rule))
        let fixed = ReplyAutoFix.apply(c.text, customer: c.customer, agent: agent, isExisting: c.customer.isExisting,
                                       cover: c.cover)
        guard fixed != c.text, !c.isBlank else {
            let left = c.blocking.map(\.rule.rawValue)
            message = StatusMessage(left.isEmpty ? "Nothing to fix"
                                    : "Fix cannot change this: \(Set(left).sorted().joined(separator: ", ")) needs your own words")
            compose.composer = c
            return []
        }
        c.editor.replaceText(fixed, cursor: min(c.editor.cursor, fixed.count))
        c.edited()
        c.recheck(agent: agent, limits: compose.limits)
        let after = Set(c.violations.map(\.rule))
        let done = PolicyRule.allCases.filter { before.contains($0) && !after.contains($0) }.map(\.rawValue)
        let left = Set(c.blocking.map(\.rule.rawValue)).sorted()
        var text = done.isEmpty ? "Fixed" : "Fixed " + done.joined(separator: ", ")
        text += left.isEmpty ? " — ready to send" : " — still to do: " + left.joined(separator: ", ")
        message = StatusMessage(text)
        scrollComposerIn(&c)
        compose.composer = c
        return []
    }

    mutating func confirmKey(_ key: Key, _ confirmation: ComposerConfirmation) -> [Effect] {
        let yes = key == .char("y") || key == .char("Y") || key == .enter
            || (confirmation == .sendDespiteNewMessages && key == .ctrl("s"))
        let no = key == .char("n") || key == .char("N") || key == .escape
        if no {
            compose.composer?.confirmation = nil
            message = StatusMessage(confirmation == .discard ? "Draft kept" : "Not sent")
            return []
        }
        guard yes, let c = compose.composer else { return [] }
        switch confirmation {
        case .discard:
            compose.composer = nil
            message = StatusMessage("Draft discarded")
            // A prepared draft (heads-up, thank-you) leaves its work list: read the list again after.
            return [.composer(.deleteDraft(c.conversationID))] + refresh()
        case .sendDespiteNewMessages:
            compose.composer?.confirmation = nil
            compose.composer?.seenUpTo = max(c.seenUpTo, c.unseen.map(\.id).max() ?? 0)
            compose.composer?.unseen = []
            return sendComposer()
        }
    }
}
