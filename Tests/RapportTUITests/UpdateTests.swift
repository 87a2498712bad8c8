import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Update: keys give the expected state and effects")
struct UpdateTests {
    let rows = [
        row(1, name: "Ada Lovelace", owner: maria, minutesAgo: 1),
        row(2, name: "Charles Babbage", owner: bob, minutesAgo: 2),
        row(3, name: "Grace Hopper", owner: nil, minutesAgo: 3),
        row(4, name: "Alan Turing", owner: maria, minutesAgo: 4),
    ]

    @Test("Start asks for agents and the first page of Mine, then the counts and the snoozes that are due")
    func start() {
        var state = AppState(agent: maria, width: 100, height: 12, now: now, timeZone: utc)
        let effects = update(&state, .start)
        #expect(effects.count == 4)
        #expect(effects[0] == .loadAgents && effects[2] == .loadCounts && effects[3] == .wakeSnoozes)
        // The page does not wait for the frame; the counts and the snoozes' write do.
        #expect(!effects[1].canFollowFrame && effects[2].canFollowFrame && effects[3].canFollowFrame)
        guard case .loadPage(let request) = effects[1] else { Issue.record("no page"); return }
        #expect(request.query == ConversationQuery(owner: .agent("maria"), statuses: [.open, .pending]))
        #expect(request.placement == .around(nil, fallback: nil, above: 0, below: state.visibleRows + 20))
    }

    @Test("j/k and arrows move the cursor and stop at the ends")
    func moving() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.down))
        #expect(state.list.selectedRow?.id == 3)
        _ = update(&state, .key(.char("G")))
        #expect(state.list.selectedRow?.id == 4)
        _ = update(&state, .key(.char("j")))
        #expect(state.list.selectedRow?.id == 4)
        _ = update(&state, .key(.char("g")))
        _ = update(&state, .key(.up))
        #expect(state.list.selectedRow?.id == 1)
    }

    @Test("Enter opens the conversation, asks for it and marks it seen; q goes back")
    func openAndBack() {
        var state = loadedState([row(7, name: "Ada", owner: maria, unread: true)])
        let effects = update(&state, .key(.enter))
        #expect(effects == [.openConversation(7), .markSeen(7)])
        #expect(state.thread?.conversationID == 7)
        #expect(state.list.rows[0].unread == false)
        #expect(update(&state, .key(.char("q"))).isEmpty)
        #expect(state.thread == nil)
        #expect(update(&state, .key(.char("q"))) == [.quit])
    }

    @Test("Tab and number keys switch views and load them from the top")
    func viewSwitches() {
        var state = loadedState(rows)
        var effects = update(&state, .key(.tab))
        #expect(state.view == .unassigned)
        guard case .loadPage(let r1) = effects.first else { Issue.record("no load"); return }
        #expect(r1.query == ConversationQuery(owner: .unassigned, statuses: [.open, .pending]))
        effects = update(&state, .key(.char("4")))
        #expect(state.view == .pending)
        guard case .loadPage(let r2) = effects.first else { Issue.record("no load"); return }
        #expect(r2.query == ConversationQuery(owner: .agent("maria"), statuses: [.pending]))
        _ = update(&state, .key(.char("3")))
        #expect(state.view == .all)
        _ = update(&state, .key(.tab))           // Pending, Heads-up, Thank-you, Quiet, Waiting, For you, then Mine again
        _ = update(&state, .key(.tab))
        #expect(state.view == .headsUp)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        #expect(state.view == .waiting)
        _ = update(&state, .key(.tab))
        #expect(state.view == .forYou)
        _ = update(&state, .key(.tab))
        #expect(state.view == .mine)
        _ = update(&state, .key(.backTab))
        #expect(state.view == .forYou)
    }

    @Test("Heads-up and Thank-you are work lists loaded whole, with their notes shown")
    func workListViews() {
        var state = loadedState(rows)
        let effects = update(&state, .key(.char("5")))
        #expect(state.view == .headsUp)
        guard case .loadPage(let request) = effects.first else { Issue.record("no load"); return }
        #expect(request.source == .view(.headsUp))
        let due = now.addingTimeInterval(-2 * 86_400)
        let page = Page(rows: [row(7, name: "Dana Whitfield", owner: maria)], moreBefore: false, moreAfter: false,
                        notes: [7: RowNote(text: "Rate increase on 2023-11-20 — draft ready", due: due)])
        _ = update(&state, .pageLoaded(request, page))
        #expect(state.list.notes[7]?.due == due)
        #expect(state.list.selectedRow?.id == 7)
        // Enter opens the conversation with the composer to follow, on the prepared draft.
        #expect(update(&state, .key(.enter)) == [.openConversation(7), .markSeen(7)])
        #expect(state.compose.pending?.kind == .reply)
    }

    // MARK: - Assignment

    @Test("The picker filters as you type, case-insensitively, best match first")
    func pickerFiltering() {
        #expect(AgentPicker.ranked(team, filter: "mar").map(\.login) == ["mk", "maria", "anna"])
        #expect(AgentPicker.ranked(team, filter: "MARIA").map(\.login) == ["maria", "anna"])
        #expect(AgentPicker.ranked(team, filter: "baker").map(\.login) == ["bob"])
        #expect(AgentPicker.ranked(team, filter: "mk").map(\.login) == ["mk"])
        #expect(AgentPicker.ranked(team, filter: "wal").map(\.login) == ["mk"])         // inside a last name
        #expect(AgentPicker.ranked(team, filter: "").count == 4)
        let zoe = Agent(login: "zoe", firstName: "Zoë", lastName: "Ångström", email: "z@example.com")
        #expect(AgentPicker.ranked(team + [zoe], filter: "ang").map(\.login) == ["zoe"])
    }

    @Test("a, type, Enter assigns an unowned customer without a note")
    func assignThroughPicker() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))           // Grace Hopper, unassigned
        _ = update(&state, .key(.char("a")))
        guard case .picker = state.overlay else { Issue.record("no picker"); return }
        for key in typing("bo") { _ = update(&state, .key(key)) }
        guard case .picker(let p) = state.overlay else { Issue.record("picker closed"); return }
        #expect(p.filter == "bo")
        #expect(p.matches(state.agents).first == bob)
        let effects = update(&state, .key(.enter))
        #expect(state.overlay == nil)
        #expect(effects.first == .assign(customer: 30, to: "bob", note: nil))
        #expect(effects.contains(.loadCounts))
        // The row shows the new owner before the store confirms it.
        #expect(state.list.selectedRow?.ownerLogin == "bob")
        #expect(state.list.selectedRow?.ownerFirstName == "Bob")
        #expect(state.message?.text == "Grace Hopper is now looked after by Bob")
    }

    @Test("A refused assignment says why; the reload that follows puts the real owner back")
    func assignRefusedAfterShowingIt() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))           // Grace Hopper, unassigned
        _ = update(&state, .key(.char("t")))            // take: shown as Maria's at once
        #expect(state.list.selectedRow?.ownerLogin == "maria")
        _ = update(&state, .assignFailed(30, reason: "Bob took Grace Hopper a moment ago"))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("Bob took Grace Hopper") == true)
        var reloaded = rows
        reloaded[2].ownerLogin = "bob"
        reloaded[2].ownerFirstName = "Bob"
        let reload = PageRequest(source: state.list.source, query: state.list.source.query(agent: "maria")!,
                                 placement: state.list.reloadPlacement(visible: state.visibleRows), limit: 50)
        _ = update(&state, .pageLoaded(reload, Page(rows: reloaded, anchorIndex: 2, moreBefore: false, moreAfter: false)))
        #expect(state.list.selectedRow?.ownerLogin == "bob")
    }

    @Test("Picker arrows move the choice; Esc cancels without effects")
    func pickerArrowsAndEsc() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("a")))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.up))
        guard case .picker(let p) = state.overlay else { Issue.record("no picker"); return }
        #expect(p.selected == 1)
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test("Typing j or q in the picker filters; it does not move or quit")
    func pickerTakesLetters() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("a")))
        #expect(update(&state, .key(.char("q"))).isEmpty)
        guard case .picker(let p) = state.overlay else { Issue.record("picker closed"); return }
        #expect(p.filter == "q")
    }

    @Test("t takes an unowned customer at once")
    func takeUnowned() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        let effects = update(&state, .key(.char("t")))
        #expect(effects.first == .assign(customer: 30, to: "maria", note: nil))
    }

    @Test("t on my own customer says so and does nothing")
    func takeMine() {
        var state = loadedState(rows)
        #expect(update(&state, .key(.char("t"))).isEmpty)
        #expect(state.message?.text == "Ada Lovelace is already yours")
    }

    @Test("Taking from another owner asks for a handoff note; empty Enter is refused; the note is sent")
    func handoffPrompt() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))          // Charles Babbage, Bob's
        #expect(update(&state, .key(.char("t"))).isEmpty)
        guard case .prompt(let prompt) = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.label == "Handoff note (Charles Babbage from Bob): ")
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.message?.isError == true)
        guard case .prompt = state.overlay else { Issue.record("prompt closed on empty note"); return }
        for key in typing("  ") { _ = update(&state, .key(key)) }
        #expect(update(&state, .key(.enter)).isEmpty)                         // blanks are empty too
        _ = update(&state, .key(.ctrl("u")))
        for key in typing("Bob is on leave") { _ = update(&state, .key(key)) }
        let effects = update(&state, .key(.enter))
        #expect(effects.first == .assign(customer: 20, to: "maria", note: "Bob is on leave"))
        #expect(state.overlay == nil)
    }

    @Test("Esc at the handoff prompt cancels: nothing is assigned")
    func handoffCancel() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("t")))
        for key in typing("half a no") { _ = update(&state, .key(key)) }
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.message?.text == "Not assigned")
    }

    @Test("Space marks rows; a assigns every marked conversation's customer once; marks are cleared")
    func bulkMarks() {
        var rows = self.rows
        rows.append(row(5, customer: 30, name: "Grace Hopper", owner: nil, minutesAgo: 5))   // Grace again
        var state = loadedState(rows)
        _ = update(&state, .key(.char(" ")))          // mark Ada (mine), cursor moves down
        #expect(state.list.selectedRow?.id == 2)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char(" ")))          // Grace (3)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char(" ")))          // Grace (5), same customer
        #expect(Set(state.marks.keys) == [1, 3, 5])
        _ = update(&state, .key(.char("a")))
        for key in typing("anna") { _ = update(&state, .key(key)) }
        // Ada is Maria's: handing her to Anna is a handover and needs a note.
        #expect(update(&state, .key(.enter)).isEmpty)
        guard case .prompt(let prompt) = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.label.contains("Ada Lovelace from Maria"))
        for key in typing("Anna knows her") { _ = update(&state, .key(key)) }
        let effects = update(&state, .key(.enter))
        let assigns = effects.filter { if case .assign = $0 { true } else { false } }
        #expect(assigns == [.assign(customer: 10, to: "anna", note: "Anna knows her"),
                            .assign(customer: 30, to: "anna", note: nil)])
        #expect(state.marks.isEmpty)
    }

    @Test("Space toggles a mark off again; Esc on the list clears all marks")
    func unmark() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char("k")))
        _ = update(&state, .key(.char(" ")))
        #expect(state.marks.isEmpty)
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char(" ")))
        #expect(state.marks.count == 2)
        _ = update(&state, .key(.escape))
        #expect(state.marks.isEmpty)
    }

    @Test("In an open conversation, t takes that conversation's customer even when rows are marked")
    func takeInThreadIgnoresMarks() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char(" ")))          // mark Ada; the cursor moves to Charles
        _ = update(&state, .key(.char("j")))          // Grace, unassigned
        _ = update(&state, .key(.enter))
        #expect(update(&state, .key(.char("t"))).first == .assign(customer: 30, to: "maria", note: nil))
    }

    @Test("Bulk results are reported in one message")
    func bulkReport() {
        let inbox = FakeInbox([row(1, name: "Ada", owner: nil), row(2, name: "Grace", owner: nil, minutesAgo: 6)])
        var state = loadedState(inbox.conversations)
        inbox.keys([.char(" "), .char(" "), .char("a")] + typing("bob") + [.enter], to: &state)
        #expect(state.message?.text == "2 customers are now looked after by Bob")
        #expect(inbox.conversations.allSatisfy { $0.ownerLogin == "bob" })
    }

    @Test("s cycles the status open → pending → closed and writes it")
    func cycleStatus() {
        var state = loadedState(rows)
        let effects = update(&state, .key(.char("s")))
        #expect(effects.first == .setStatus(1, .pending))
        #expect(state.list.rows[0].status == .pending)
    }

    // MARK: - Search

    @Test("/ opens a prompt; Enter searches; Esc returns to the view")
    func search() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("/")))
        for key in typing("invoice") { _ = update(&state, .key(key)) }
        let effects = update(&state, .key(.enter))
        #expect(state.list.source == .search("invoice"))
        guard case .loadPage(let request) = effects.first else { Issue.record("no search"); return }
        #expect(request.query.text == "invoice")
        let back = update(&state, .key(.escape))
        #expect(state.list.source == .view(.mine))
        guard case .loadPage(let r) = back.first, case .around(let id, _, _, _) = r.placement else {
            Issue.record("no reload"); return
        }
        #expect(id == 1)              // back on the row the cursor was on
    }

    // MARK: - Resize

    @Test("Resizing mid-picker and mid-search keeps them open and never crashes")
    func resizeAnywhere() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("a")))
        for size in [(20, 5), (0, 0), (1, 1), (40, 10), (200, 60)] {
            _ = update(&state, .resize(width: size.0, height: size.1))
            _ = screen(state)
        }
        guard case .picker = state.overlay else { Issue.record("picker lost"); return }
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.char("/")))
        for size in [(39, 9), (3, 2), (120, 40)] {
            _ = update(&state, .resize(width: size.0, height: size.1))
            _ = screen(state)
        }
        guard case .prompt = state.overlay else { Issue.record("prompt lost"); return }
    }
}
