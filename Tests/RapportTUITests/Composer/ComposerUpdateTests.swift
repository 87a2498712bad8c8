import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Composer: keys give the expected text, checks and effects")
struct ComposerUpdateTests {
    // MARK: - Opening

    @Test("r in a thread opens the editor for the owner and asks for the stored draft")
    func openAsOwner() {
        let state = composing()
        let c = try! #require(state.compose.composer)
        #expect(c.kind == .reply && c.loaded && c.editor.isEmpty)
        #expect(c.customer.firstName == "Ada")
    }

    @Test("Anyone but the owner gets the owner-only message instead of the editor; n still opens a note")
    func refusedAsNonOwner() {
        var state = threadState(width: 120, height: 40)
        state.agent = bob
        #expect(press(.char("r"), in: &state).isEmpty)
        #expect(state.compose.composer == nil)
        #expect(state.message == StatusMessage(
            "Ada is looked after by Maria — t to take over (handoff note), n for an internal note", isError: true))
        #expect(press(.char("n"), in: &state) == [.composer(.loadDraft(1))])
        #expect(state.compose.composer?.kind == .note)
    }

    @Test("r on a list row opens the conversation, then the editor once the customer is known")
    func replyFromList() {
        var state = loadedState(listRows, width: 120, height: 40)
        #expect(press(.char("r"), in: &state) == [.openConversation(1), .markSeen(1)])
        #expect(state.compose.composer == nil)
        let loaded = threadState(width: 120, height: 40).thread!
        let effects = update(&state, .threadLoaded(ThreadData(conversation: loaded.conversation!, messages: loaded.messages,
                                                              profile: loaded.profile)))
        #expect(effects == [.composer(.loadDraft(1))])
        #expect(state.compose.composer?.kind == .reply)
    }

    @Test("Reopening restores the stored draft and its cursor")
    func draftRestored() {
        let draft = Draft(conversationID: 1, agent: "maria", kind: .reply, text: "Hi Ada,\n\nMaria", cursor: 8, updated: now)
        var state = composing(draft: draft)
        #expect(state.compose.composer?.editor.cursor == 8)
        type("Done.", into: &state)
        #expect(state.composerText == "Hi Ada,\nDone.\nMaria")
    }

    // MARK: - Editing

    @Test("Typing, Enter, Backspace by grapheme, word moves, Home/End, paste with CRLF")
    func typing() {
        var state = composing()
        type("Hi Ada,\nsee you 👍🏽é", into: &state)
        _ = press(.backspace, .backspace, in: &state)                 // é, then the whole thumbs-up
        #expect(state.composerText == "Hi Ada,\nsee you ")
        _ = press(.ctrlLeft, in: &state)
        type("and ", into: &state)
        #expect(state.composerText == "Hi Ada,\nsee and you ")
        _ = press(.home, in: &state)
        type("> ", into: &state)
        _ = press(.end, .alt("b"), .delete, in: &state)
        #expect(state.composerText == "Hi Ada,\n> see and ou ")
        _ = press(.alt(">"), .paste("line one\r\nline two"), in: &state)
        #expect(state.composerText == "Hi Ada,\n> see and ou line one\nline two")
        _ = press(.ctrl("w"), in: &state)
        #expect(state.composerText == "Hi Ada,\n> see and ou line one\nline ")
    }

    @Test("A bracketed paste in a one-line input types its first line; on the list it does nothing")
    func pasteOutsideTheComposer() {
        var state = loadedState(listRows)
        #expect(press(.paste("q\nq"), in: &state).isEmpty)               // never run as keys
        _ = press(.char("/"), .paste("invoice\u{1B}[31m\nsecond line"), in: &state)
        #expect(state.overlay == .prompt(Prompt(.search, text: "invoice[31m")))
    }

    @Test("Violations follow the text as it is typed")
    func liveViolations() {
        var state = composing()
        type("Dear Ms. Lovelace,", into: &state)
        #expect(state.compose.composer?.violations.map(\.rule).contains(.greeting) == true)
        _ = press(.home, in: &state)
        for _ in 0..<"Dear Ms. Lovelace".count { _ = press(.delete, in: &state) }
        type("Hi Ada", into: &state)
        #expect(state.compose.composer?.violations.contains { $0.rule == .greeting } == false)
    }

    // MARK: - Send, Fix, templates

    @Test("Send is refused while something blocks, with the reasons; Fix fixes it; then it is sent and delivered")
    func refuseFixSend() {
        var state = composing()
        type(formalReply, into: &state)
        #expect(press(.ctrl("s"), in: &state).isEmpty)
        let reason = try! #require(state.message)
        #expect(reason.isError)
        #expect(reason.text.hasPrefix("Not sent — greeting (line 1), signoff (line 6), signature (lines 7, 8)"))
        #expect(state.compose.composer?.sending == false)

        #expect(press(.ctrl("f"), in: &state).isEmpty)
        #expect(state.composerText == """
            Hi Ada,

            I have checked the invoice: you were charged twice, and the refund is on its way.

            Best regards,
            Maria
            """)
        #expect(state.compose.composer?.violations == [])
        #expect(state.message?.text == "Fixed greeting, signoff, signature — ready to send")

        let text = state.composerText!
        #expect(press(.ctrl("s"), in: &state) == [.composer(.sendReply(1, text: text))])
        #expect(press(.char("x"), in: &state).isEmpty)                 // keys wait while it is stored
        #expect(state.composerText == text)

        let item = OutboxItem(id: 9, messageRowID: 44, conversationID: 1, agent: "maria", toAddress: "ada@example.com",
                              state: .queued, error: nil, attempts: 0, queued: now, updated: now)
        #expect(update(&state, .composer(.replyQueued(1, item))).first == .composer(.deliverOutbox))
        #expect(state.compose.composer == nil)
        #expect(state.compose.deliveries[44] == .queued)
        _ = update(&state, .composer(.delivered(DeliveryResult(entries: [.init(outboxID: 9, to: "ada@example.com",
                                                                              error: "msmtp exited with status 69")]))))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("not delivered: msmtp exited with status 69") == true)
        #expect(state.compose.deliveries[44] == .failed("msmtp exited with status 69"))
    }

    @Test("A failed store write keeps the composer and the text")
    func sendFailed() {
        var state = composing()
        type("Hi Ada,\n\nDone.\n\nMaria", into: &state)
        _ = press(.ctrl("s"), in: &state)
        _ = update(&state, .composer(.sendFailed(1, reason: "Ada Lovelace is looked after by bob")))
        #expect(state.compose.composer?.sending == false)
        #expect(state.composerText == "Hi Ada,\n\nDone.\n\nMaria")
        #expect(state.message?.isError == true)
    }

    @Test("Ctrl-T lists rendered templates, filtered as you type; Enter inserts one where the answer goes")
    func templateInsert() {
        var state = composing()
        #expect(press(.ctrl("t"), in: &state) == [.composer(.renderTemplates(1))])
        let short = RenderedTemplate(name: "reply-short", kind: "reply", description: "A short reply",
                                   text: "Hi Ada,\n\n\n\nThanks,\nMaria")
        let apology = RenderedTemplate(name: "apology-fixed", kind: "reply", description: "Own a mistake",
                                     text: "Hi Ada,\n\nSorry.\n\nMaria")
        _ = update(&state, .composer(.templatesRendered(1, [apology, short], problems: [])))
        #expect(state.compose.composer?.picker?.matches == [apology, short])
        type("sho", into: &state)
        #expect(state.compose.composer?.picker?.matches == [short])
        _ = press(.enter, in: &state)
        #expect(state.compose.composer?.picker == nil)
        #expect(state.composerText == short.text)
        type("Done.", into: &state)
        #expect(state.composerText == "Hi Ada,\n\nDone.\n\nThanks,\nMaria")
    }

    @Test("A template is placed so the answer goes between greeting and sign-off")
    func writingPlace() {
        let folded = AppState.writingPlace(in: "Hi Ada,\n\nThanks,\nMaria")
        #expect(folded.text == "Hi Ada,\n\n\n\nThanks,\nMaria" && folded.cursor == 9)
        #expect(AppState.writingPlace(in: "Hi Ada,\n\n\n\nThanks,\nMaria").cursor == 9)
        let full = "Hi Ada,\n\nSorry about the invoice.\n\nIt is fixed.\n\nMaria"
        #expect(AppState.writingPlace(in: full) == (full, full.count))
    }

    @Test("New customers: the referral question is a warning that does not stop sending")
    func referralWarning() {
        var state = composing()
        _ = update(&state, .threadLoaded(adaThread(adding: message(4, .note, author: "maria", "fyi"), isExisting: false)))
        type("Hi Ada,\n\nWelcome!\n\nMaria", into: &state)
        let violations = state.compose.composer?.violations ?? []
        #expect(violations.map(\.rule) == [.referralQuestion])
        #expect(violations.first?.severity == .warn)
        #expect(press(.ctrl("s"), in: &state) == [.composer(.sendReply(1, text: "Hi Ada,\n\nWelcome!\n\nMaria"))])
    }

    @Test("A note has no policy and is added, never sent")
    func note() {
        var state = composing(.note)
        type("Dear Sir or Madam — she prefers phone.", into: &state)
        #expect(state.compose.composer?.violations == [])
        #expect(press(.ctrl("s"), in: &state) == [.composer(.addNote(1, text: "Dear Sir or Madam — she prefers phone."))])
        _ = update(&state, .composer(.noteAdded(1)))
        #expect(state.compose.composer == nil)
    }

    // MARK: - Collision

    @Test("A message arriving while composing is shown, and the next send asks for one confirming key")
    func collision() {
        var state = composing()
        type("Hi Ada,\n\nDone.\n\nMaria", into: &state)
        // Our own note does not count; Ada writing again does.
        _ = update(&state, .threadLoaded(adaThread(adding: message(4, .note, author: "maria", "mine"))))
        #expect(state.compose.composer?.unseen.isEmpty == true)
        _ = update(&state, .threadLoaded(adaThread(adding: message(5, .inbound, "Actually, it was three times!"))))
        #expect(state.compose.composer?.unseen.map(\.id) == [5])

        #expect(press(.ctrl("s"), in: &state).isEmpty)
        #expect(state.compose.composer?.confirmation == .sendDespiteNewMessages)
        #expect(press(.char("q"), in: &state).isEmpty)                       // other keys do nothing
        #expect(press(.char("n"), in: &state).isEmpty)
        #expect(state.compose.composer?.confirmation == nil)
        _ = press(.ctrl("s"), in: &state)
        #expect(press(.char("y"), in: &state) == [.composer(.sendReply(1, text: "Hi Ada,\n\nDone.\n\nMaria"))])
    }

    @Test("Ctrl-G sets 'remind me if no reply': 3, 7, 14 days, none; the queued reply asks for it before the reload")
    func remindMeIfNoReply() {
        var state = composing()
        let days = (0..<4).map { _ -> Int? in _ = press(.ctrl("g"), in: &state); return state.compose.composer?.remindDays }
        #expect(days == [3, 7, 14, nil])
        _ = press(.ctrl("g"), in: &state)
        #expect(state.message?.text == "Remind me if no reply in 3 days: set (Ctrl-G to change)")
        #expect(screen(state).contains { $0.contains("Reply to Ada Lovelace") && $0.contains("remind in 3d") })
        let item = OutboxItem(id: 9, messageRowID: 44, conversationID: 1, agent: "maria", toAddress: "ada@example.com",
                              state: .queued, error: nil, attempts: 0, queued: now, updated: now)
        let effects = update(&state, .composer(.replyQueued(1, item)))
        #expect(Array(effects.prefix(2)) == [.composer(.remindIfNoReply(1, days: 3)), .composer(.deliverOutbox)])
        _ = update(&state, .composer(.reminderSet(1, until: now.addingTimeInterval(3 * 86_400))))
        #expect(state.message?.text == "Back in your views 2023-11-17 22:13 if Ada Lovelace has not answered by then")
        var note = composing(.note)
        _ = press(.ctrl("g"), in: &note)
        #expect(note.compose.composer?.remindDays == nil && note.message?.isError == true)
    }

    // MARK: - Drafts

    @Test("Drafts are written on the tick after a change, not on every key; cursor moves count")
    func debouncedSave() {
        // Ticks also say where the agent is (PresenceTests); only the draft saves matter here.
        func drafts(_ effects: [Effect]) -> [Effect] { effects.filter { if case .composer = $0 { true } else { false } } }
        var state = composing()
        #expect(type("Hi", into: &state).isEmpty)
        let t1 = now.addingTimeInterval(0.5)
        #expect(drafts(update(&state, .tick(t1))) == [.composer(.saveDraft(
            Draft(conversationID: 1, agent: "maria", kind: .reply, text: "Hi", cursor: 2, updated: t1)))])
        #expect(drafts(update(&state, .tick(now.addingTimeInterval(1)))).isEmpty)
        _ = update(&state, .composer(.draftSaved(1)))
        #expect(state.compose.composer?.saveState == .saved)
        _ = press(.left, in: &state)
        let t2 = now.addingTimeInterval(1.5)
        #expect(drafts(update(&state, .tick(t2))) == [.composer(.saveDraft(
            Draft(conversationID: 1, agent: "maria", kind: .reply, text: "Hi", cursor: 1, updated: t2)))])
    }

    @Test("Mode changes save at once: Esc keeps the draft, Ctrl-E hands it to the editor and back")
    func modeChangesSave() {
        var state = composing()
        type("Hi Ada", into: &state)
        #expect(press(.ctrl("e"), in: &state) == [
            .composer(.saveDraft(Draft(conversationID: 1, agent: "maria", kind: .reply, text: "Hi Ada", cursor: 6, updated: now))),
            .composer(.editExternally(1, text: "Hi Ada")),
        ])
        let back = update(&state, .composer(.edited(1, text: "Hi Ada,\n\nDone.\n\nMaria\n")))
        #expect(state.composerText == "Hi Ada,\n\nDone.\n\nMaria")
        #expect(back == [.composer(.saveDraft(Draft(conversationID: 1, agent: "maria", kind: .reply,
                                                    text: "Hi Ada,\n\nDone.\n\nMaria", cursor: 21, updated: now)))])
        _ = update(&state, .composer(.draftSaved(1)))
        type("?", into: &state)
        #expect(press(.ctrl("z"), in: &state).last == .suspend)          // saved, then to the shell
        #expect(state.compose.composer?.saveState == .saving)
        type("!", into: &state)
        #expect(press(.escape, in: &state).count == 1)
        #expect(state.compose.composer == nil)
        #expect(state.message?.text.hasPrefix("Draft kept") == true)
    }

    @Test("Discarding asks first; n keeps the draft, y removes it")
    func discard() {
        var state = composing()
        type("Hi Ada", into: &state)
        #expect(press(.ctrl("d"), in: &state).isEmpty)
        #expect(state.compose.composer?.confirmation == .discard)
        #expect(press(.char("n"), in: &state).isEmpty)
        #expect(state.composerText == "Hi Ada")
        _ = press(.ctrl("d"), in: &state)
        #expect(press(.char("y"), in: &state).first == .composer(.deleteDraft(1)))   // then the screen is read again
        #expect(state.compose.composer == nil)
    }

    @Test("F1 opens the help at the composer's keys, generated from the key table")
    func help() {
        var state = composing(width: 80, height: 40)
        _ = press(.function(1), in: &state)
        guard case .help(let scroll) = state.overlay else { Issue.record("no help"); return }
        let lines = HelpOverlay.lines(state.keyMap)
        let heading = try! #require(lines.firstIndex { $0.isHeading && $0.keys == "Composer (reply or internal note)" })
        #expect(scroll > 0 && scroll <= heading && heading < scroll + 36)     // its section is on screen
        #expect(lines.contains { $0.0 == "Ctrl-S" && $0.1.hasPrefix("send the reply") })
        #expect(lines.contains { $0.0 == "Ctrl-F" && $0.1.hasPrefix("fix") })
        _ = press(.escape, in: &state)
        #expect(state.overlay == nil && state.compose.composer != nil)
    }
}
