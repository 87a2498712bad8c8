import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("The status line: unknown keys say so, messages go after a few seconds or on the next key")
struct StatusLineTests {
    let rows = [row(1, name: "Ada Lovelace", owner: maria), row(2, name: "Grace Hopper", owner: maria)]

    @Test("a key with no action says which key and where help is, and does nothing else")
    func unknownKey() {
        var state = loadedState(rows)
        let effects = update(&state, .key(.char("x")))
        #expect(effects.isEmpty)
        #expect(state.message?.text == "no action for x — ? for help")
        #expect(state.list.selectedRow?.id == 1)
        _ = update(&state, .key(.function(7)))
        #expect(state.message?.text == "no action for F7 — ? for help")
        _ = update(&state, .key(.paste("hello")))
        #expect(state.message == nil, "pasted text in the list is dropped quietly")
    }

    @Test("a message stays on ticks for its lifetime, then clears; an error stays longer")
    func messagesClearOnTicks() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("x")))
        _ = update(&state, .tick(now.addingTimeInterval(4)))
        #expect(state.message != nil)
        _ = update(&state, .tick(now.addingTimeInterval(5)))
        #expect(state.message == nil)

        _ = update(&state, .failed("The store is busy"))
        _ = update(&state, .tick(now.addingTimeInterval(12)))
        #expect(state.message?.isError == true, "set at the last tick (5 s), an error lasts 10 s")
        _ = update(&state, .tick(now.addingTimeInterval(15)))
        #expect(state.message == nil)
    }

    @Test("an error said while the store was away gives way to 'connected again' when it is back; other messages stay")
    func reconnectedReplacesTheOutageError() {
        var state = loadedState(rows)
        _ = update(&state, .storeReachable(false))
        _ = update(&state, .composer(.draftSaveFailed(1, reason: "connection refused")))
        _ = update(&state, .storeReachable(true))
        #expect(state.message?.text == "Connected to the store again" && state.storeUnreachable == false)
        _ = update(&state, .notice("Saved quote.pdf"))
        _ = update(&state, .storeReachable(true))
        #expect(state.message?.text == "Saved quote.pdf")
    }

    @Test("the next key clears a message")
    func nextKeyClears() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("x")))
        _ = update(&state, .key(.char("j")))
        #expect(state.message == nil)
    }

    @Test("U marks the row unread and asks the store to forget the read mark")
    func markUnreadRow() {
        var state = loadedState(rows)
        let effects = update(&state, .key(.char("U")))
        #expect(effects == [.markUnread(1)])
        #expect(state.list.selectedRow?.unread == true)
        #expect(state.message?.text == "Marked unread: Ada Lovelace")
    }

    @Test("J and K open the neighbours of the open conversation; at the ends they say so")
    func stepThroughConversations() {
        var state = loadedState(rows)
        _ = update(&state, .key(.enter))
        #expect(state.thread?.conversationID == 1)
        let effects = update(&state, .key(.char("J")))
        #expect(state.thread?.conversationID == 2)
        #expect(effects.contains(.openConversation(2)) && effects.contains(.markSeen(2)))
        _ = update(&state, .key(.char("J")))
        #expect(state.thread?.conversationID == 2)
        #expect(state.message?.text == "No next conversation in this list")
        _ = update(&state, .key(.char("K")))
        #expect(state.thread?.conversationID == 1)
        _ = update(&state, .key(.char("U")))
        #expect(state.thread == nil, "U in a thread goes back to the list")
        #expect(state.list.selectedRow?.id == 1 && state.list.selectedRow?.unread == true)
    }
}

@Suite("Snoozes in update: a tick every half minute asks to wake the due ones")
struct SnoozeTickTests {
    @Test("after start, the first tick 30 s on asks for .wakeSnoozes, and not again before 30 s more")
    func ticksWake() {
        var state = AppState(agent: maria, width: 100, height: 12, now: now, timeZone: utc)
        _ = update(&state, .start)
        #expect(!update(&state, .tick(now.addingTimeInterval(29))).contains(.wakeSnoozes))
        #expect(update(&state, .tick(now.addingTimeInterval(30))).contains(.wakeSnoozes))
        #expect(!update(&state, .tick(now.addingTimeInterval(59))).contains(.wakeSnoozes))
        #expect(update(&state, .tick(now.addingTimeInterval(61))).contains(.wakeSnoozes))
    }
}
