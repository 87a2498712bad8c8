import Foundation
import Testing
import RapportCore
@testable import RapportTUI

/// Screens compared as lines of text at fixed sizes (trailing spaces trimmed).
@Suite("Render: screens as text")
struct RenderTests {
    @Test("List at 100×12: unread dot, marked row, owner or —, status, age; an ESC in a subject shows as ␛")
    func list() {
        var state = loadedState(listRows, width: 100, height: 12)
        _ = update(&state, .key(.char(" ")))          // mark Ada; the cursor moves to Charles
        expectScreen(screen(state), [
            " 1 Mine  2 Unassigned  3 All  4 Pending  5 Heads-up  6 Thank-you  7 Quiet  8 Waiting  9 For you",
            "  Customer             Owner      Status  Age Subject",
            "+●Ada Lovelace         Maria      open     1m Invoice ␛[31mred␛[0m question",
            "  Charles Babbage      Bob        pending  3h Re: difference engine",
            "  東京 太郎            —          open     2d 会議の件について 👍🏽 thanks",
            "  Alan Turing          Maria      closed   8w A very long subject line that will certainly not fit …",
            "",
            "",
            "",
            "",
            " Maria · Mine · mine 3 · unassigned 2 · pending 1                                  1 marked  ? help",
            "Enter open  a assign  t take  Space mark  s status  / search  ? help  q quit",
        ])
    }

    @Test("Compact layout at 40×10: short tabs, narrow columns, wide characters cut whole")
    func compact() {
        expectScreen(screen(loadedState(listRows, width: 40, height: 10)), [
            " 1Mine 2Unas 3All 4Pend 5Head 6Thx 7Qt",
            " ●Ada Lovelace Maria  o  1m Invoice ␛[3…",
            "  Charles Bab… Bob    p  3h Re: differe…",
            "  東京 太郎    —      o  2d 会議の件に…",
            "  Alan Turing  Maria  c  8w A very long…",
            "",
            "",
            "",
            " Maria · Mine · m3 u2 p1              ?",
            "Enter open  a assign  t take  ? help",
        ])
    }

    @Test("Below 40×10 a centred message replaces the inbox")
    func tooSmall() {
        expectScreen(screen(loadedState(listRows, width: 39, height: 10)), [
            "",
            "",
            "",
            "",
            "          Terminal too small",
            "           39×10, need 40×10",
            "",
            "",
            "",
            "",
        ])
        expectScreen(screen(loadedState(listRows, width: 20, height: 3)), [
            " Terminal too small",
            "  20×3, need 40×10",
            "",
        ])
    }

    @Test("Thread at 120×16: messages oldest first, notes marked NOTE with a bar, customer sidebar beside")
    func thread() {
        expectScreen(screen(threadState(width: 120, height: 16)), [
            " Invoice question · Ada Lovelace · open · owner Maria",
            "▶ Ada Lovelace <ada@example.com>                                     2023-11-14 20:13│ Ada Lovelace",
            "  Hello,                                                                             │ ada@example.com",
            "  my invoice shows ␛]0;pwned␇ twice the amount.                                      │",
            "  Can you check?                                                                     │ Owner: Maria Rossi",
            "                                                                                     │ Existing customer",
            "◀ Maria to ada@example.com                                           2023-11-14 21:13│ Customer since 2020-09-13",
            "  Hi Ada,                                                                            │ Last contact 2023-11-14",
            "  I'll look now.                                                                     │",
            "  Maria                                                                              │ Last handoff",
            "                                                                                     │   Bob → Maria, 2023-07-22",
            "┃ NOTE by Maria                                                      2023-11-14 21:43│   “Prefers email”",
            "┃ Billing double-charged her; refund filed.                                          │",
            "                                                                                     │",
            " Maria · Conversation · mine 3 · unassigned 2 · pending 1                                                        ? help",
            "q back  a assign  t take  s status  i customer  ? help",
        ])
    }

    @Test("On a narrow terminal i shows the customer instead of the messages")
    func narrowSidebar() {
        var state = threadState(width: 60, height: 14)
        #expect(!screen(state).joined().contains("Owner: Maria Rossi"))
        _ = update(&state, .key(.char("i")))
        expectScreen(screen(state), [
            " Invoice question · Ada Lovelace · open · owner Maria",
            "Ada Lovelace",
            "ada@example.com",
            "",
            "Owner: Maria Rossi",
            "Existing customer",
            "Customer since 2020-09-13",
            "Last contact 2023-11-14",
            "",
            "Last handoff",
            "  Bob → Maria, 2023-07-22",
            "  “Prefers email”",
            " Maria · Conversation · m3 u2 p1                          ?",
            "q back  a assign  t take  i info  ? help",
        ])
    }

    @Test("Agent picker at 80×16: filter line and matches, best first")
    func picker() {
        var state = loadedState(listRows, width: 80, height: 16)
        #expect(update(&state, .key(.char("a"))) == [.loadAgentLoads])
        // Its first frame comes before the loads are read: names and the owner, no counts yet.
        let first = screen(state)
        #expect(first.contains { $0.contains("Maria Rossi  maria") && $0.hasSuffix("owner │") }, "\(first)")
        #expect(!first.contains { $0.contains(" open │") }, "\(first)")
        _ = update(&state, .agentLoadsLoaded(["maria": 3, "bob": 7]))
        for key in typing("ma") { _ = update(&state, .key(key)) }
        _ = update(&state, .key(.down))
        expectScreen(screen(state), [
            " 1 Mine 2 Unas 3 All 4 Pending 5 Heads-up 6 Thx 7 Quiet 8 Waiting 9 For you",
            "  Customer             Owner      Status  Age Subject",
            " ●Ada Lovelace         Maria      open     1m Invoice ␛[31mred␛[0m question",
            "  Charles Babbage      Bob        pending  3h Re: difference engine",
            "  東京 太郎            —          open     2d 会議の件について 👍🏽 thanks",
            "  Alan Turin┌─ Assign Ada Lovelace ────────────────────────────────┐ne that wil…",
            "            │ to: ma                                               │",
            "            │ Marek Kowalski  mk                            0 open │",
            "            │ Maria Rossi  maria                    owner · 3 open │",
            "            │ Anna Mariani  anna                            0 open │",
            "            └────────────────────────── Enter assign · Esc cancel ─┘",
            "",
            "",
            "",
            " Maria · Mine · mine 3 · unassigned 2 · pending 1                        ? help",
            "Enter open  a assign  t take  Space mark  s status  / search  ? help  q quit",
        ])
    }
}
