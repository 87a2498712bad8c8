import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Composer render: screens as text")
struct ComposerRenderTests {
    @Test("120×40: the thread's newest lines above, ✗ beside the offending lines, the reasons in the footer, keys below")
    func wide() {
        var state = composing(width: 120, height: 40)
        type(formalReply, into: &state)
        expectScreen(Array(screen(state)[11...]), [
            "┃ NOTE by Maria                                                      2023-11-14 21:43│   “Prefers email”",
            "┃ Billing double-charged her; refund filed.                                          │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "─ Reply to Ada Lovelace · existing customer ────────────────────────── ✗ 4  unsaved ─│",
            "✗ Dear Ms. Lovelace,                                                                 │",
            "                                                                                     │",
            "  I have checked the invoice: you were charged twice, and the refund is on its way.  │",
            "                                                                                     │",
            "  Best regards,                                                                      │",
            "✗ Maria Rossi                                                                        │",
            "✗ Account Manager                                                                    │",
            "✗ Rapport Example Ltd.                                                               │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "                                                                                     │",
            "✗ line 1 greeting: \"Dear Ms. Lovelace\" is formal; greet Ada by first name: \"Hi       │",
            "  Ada,\".                                                                             │",
            "✗ line 6 signoff: Signed with your full name; sign with your first name alone:       │",
            "  \"Maria\".                                                                           │",
            "… 2 more: signature (line 7), signature (line 8)                                     │",
            " Maria · Conversation · mine 3 · unassigned 2 · pending 1                                                        ? help",
            "Ctrl-S send  Ctrl-F fix  Ctrl-T templates  Ctrl-E editor  Ctrl-D discard  Esc close (kept)  F1 help",
        ])
        // The cursor (end of the text) is drawn reversed; the ✗ marks are red and bold.
        #expect(bufferCell(state, x: 2 + "Rapport Example Ltd.".count, y: 24).style.reverse)
        #expect(bufferCell(state, x: 0, y: 17).style == .error)
    }

    @Test("the legal footer shows under the reply's last line as it will be sent, uncounted; absent by default")
    func legalFooterPreview() {
        var state = composing(width: 120, height: 40)
        _ = type("Hi Ada,\n\nThe refund is on its way.\n\nMaria", into: &state)
        #expect(!screen(state).contains { $0.contains("legal footer") })
        state.compose.legalFooter = "Rapport Example Ltd · Registered in England No. 01234567"
        let lines = screen(state)
        let last = lines.lastIndex { $0.hasPrefix("  Maria ") }
        #expect(last != nil)
        if let last {
            #expect(lines[last + 1].hasPrefix("   "), "\(lines)")
            #expect(lines[last + 2].hasPrefix("  --   legal footer: added when sent, not checked"), "\(lines)")
            #expect(lines[last + 3].hasPrefix("  Rapport Example Ltd · Registered in England No. 01234567"), "\(lines)")
        }
        #expect(state.activeComposer?.violations.isEmpty == true, "the footer is not checked")
        _ = update(&state, .key(.char("x")))
        #expect(screen(state).contains { $0.hasPrefix("  Rapport Example Ltd") }, "it follows the text as it grows")
    }

    @Test("40×10: the composer takes the body; the footer shows the problem on the cursor's line and how many more")
    func compact() {
        var state = composing(width: 40, height: 10)
        type(formalReply, into: &state)
        expectScreen(screen(state), [
            " Invoice question · Ada Lovelace · open…",
            "─ Reply to Ada ────────── ✗ 4  unsaved ─",
            "",
            "  Best regards,",
            "✗ Maria Rossi",
            "✗ Account Manager",
            "✗ Rapport Example Ltd.",
            "✗ line 8 signature: Cut this signa… (+3)",
            " Maria · Conversation · m3 u2 p1      ?",
            "^S send ^F fix ^T tmpl ^E edit Esc",
        ])
    }

    @Test("40×10: a message that arrived while composing is shown, and sending asks first")
    func collision() {
        var state = composing(width: 40, height: 10)
        type("Hi Ada,\n\nDone.\n\nMaria", into: &state)
        _ = update(&state, .threadLoaded(adaThread(adding: message(5, .inbound, "Actually, it was three times!"))))
        _ = press(.ctrl("s"), in: &state)
        expectScreen(screen(state), [
            " Invoice question · Ada Lovelace · open…",
            "─ Reply to Ada ─────────────── unsaved ─",
            "▶ New from Ada 22:12: “Actually, it was…",
            "",
            "  Done.",
            "",
            "  Maria",
            "✓ Nothing blocks sending (Ctrl-S)",
            " Maria · Conversation · m3 u2 p1      ?",
            "Ada wrote meanwhile. Send? y / n",
        ])
    }

    @Test("The template picker: filter line, matches, and a preview of the selected one")
    func templatePicker() {
        var state = composing(width: 120, height: 40)
        _ = press(.ctrl("t"), in: &state)
        let short = RenderedTemplate(name: "reply-short", kind: "reply", description: "A short reply to someone we already know",
                                   text: "Hi Ada,\n\n\n\nThanks,\nMaria")
        let apology = RenderedTemplate(name: "apology-fixed", kind: "reply", description: "Own a mistake before they ask",
                                     text: "Hi Ada,\n\nSorry.\n\nMaria")
        _ = update(&state, .composer(.templatesRendered(1, [apology, short], problems: [])))
        _ = press(.down, in: &state)
        expectScreen(Array(screen(state)[16...26]), [
            "─ Re┌─ Templates ──────────────────────────────────────────────────────────────┐─────│",
            "   W│ filter:                                                                  │     │",
            "    │ apology-fixed  Own a mistake before they ask                             │     │",
            "    │ reply-short  A short reply to someone we already know                    │     │",
            "    │ ┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄ │     │",
            "    │ Hi Ada,                                                                  │     │",
            "    │                                                                          │     │",
            "    │                                                                          │     │",
            "    │                                                                          │     │",
            "    │ Thanks,                                                                  │     │",
            "    │ Maria                                                                    │     │",
        ])
        #expect(bufferCell(state, x: 6, y: 19).style.reverse)      // reply-short is selected
    }

    @Test("A reply whose delivery failed says so on its row in the thread")
    func deliveryFailureInThread() {
        var state = threadState(width: 99, height: 12)
        state.compose.deliveries[2] = .failed("msmtp exited with status 69")
        #expect(screen(state).contains { $0.contains("◀ Maria to ada@example.com · ✗ not delivered: msmtp exited with status 69") })
    }
}

func bufferCell(_ state: AppState, x: Int, y: Int) -> Cell {
    var buffer = CellBuffer(width: state.width, height: state.height)
    render(state, into: &buffer)
    return buffer[x, y]
}
