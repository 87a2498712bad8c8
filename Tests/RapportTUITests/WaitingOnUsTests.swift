import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Waiting on us: the marker and its age, the Waiting view, every tab at 80×24; s keeps its row")
struct WaitingOnUsTests {
    func waitingRow(_ id: ConversationID, name: String, hours: Double, status: ConversationStatus = .open) -> ConversationSummary {
        var r = row(id, name: name, owner: maria, status: status, minutesAgo: 5)
        r.unansweredSince = now.addingTimeInterval(-hours * 3600)
        return r
    }

    @Test("only an open conversation the customer wrote last waits on us")
    func rule() {
        #expect(waitingRow(1, name: "A", hours: 2).waitingOnUsSince == now.addingTimeInterval(-7200))
        #expect(waitingRow(1, name: "A", hours: 2, status: .pending).waitingOnUsSince == nil)
        #expect(waitingRow(1, name: "A", hours: 2, status: .closed).waitingOnUsSince == nil)
        #expect(row(1).waitingOnUsSince == nil)
    }

    @Test("a row waiting on us says \"waiting\" and for how long, in place of the status and the activity's age")
    func marker() {
        let rows = [waitingRow(1, name: "Ada Lovelace", hours: 50), row(2, name: "Bea Ortiz", owner: maria, minutesAgo: 30)]
        let lines = screen(loadedState(rows, width: 100, height: 12))
        #expect(lines[2].contains("Ada Lovelace") && lines[2].contains("waiting  2d"), "\(lines[2])")
        #expect(lines[3].contains("Bea Ortiz") && lines[3].contains("open    30m"), "\(lines[3])")
    }

    @Test("at 80×24 every view, Waiting and For you included, is on the tab bar, the longest names shortened")
    func everyTabAt80x24() {
        let top = screen(loadedState([row(1)], width: 80, height: 24))[0]
        for view in InboxView.allCases {
            #expect(top.contains("\(view.number) \(view.title)") || top.contains("\(view.number) \(view.shortTitle)"), "\(top)")
        }
        #expect(top.contains("9 For you") && top.contains("8 Waiting") && top.contains("1 Mine"), "\(top)")
        #expect(DisplayWidth.of(top) <= 80)
    }

    @Test("8 shows Waiting, a work list read whole, each row saying how long it has waited")
    func waitingView() {
        var state = loadedState([row(1)])
        let effects = update(&state, .key(.char("8")))
        #expect(state.view == .waiting)
        guard case .loadPage(let request) = effects.first else { Issue.record("no load"); return }
        let rows = [waitingRow(1, name: "Ada Lovelace", hours: 72), waitingRow(2, name: "Bea Ortiz", hours: 3)]
        let notes = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, RowNote(text: $0.subject, since: $0.waitingOnUsSince)) })
        _ = update(&state, .pageLoaded(request, .whole(rows, notes: notes)))
        let lines = screen(state)
        #expect(lines[2].contains("Ada Lovelace") && lines[2].contains("waiting 3d"), "\(lines)")
        #expect(lines[3].contains("Bea Ortiz") && lines[3].contains("waiting 3h"), "\(lines)")
    }

    @Test("s on Ada in Waiting: her row stays under the cursor, dimmed, through the reload; moving on lets it go")
    func statusKeepsTheRow() {
        let rows = [waitingRow(1, name: "Ada Lovelace", hours: 72), waitingRow(2, name: "Bea Ortiz", hours: 3)]
        let notes = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, RowNote(text: $0.subject, since: $0.waitingOnUsSince)) })
        var state = loadedState([row(9)])
        guard case .loadPage(let first) = update(&state, .key(.char("8"))).first else { Issue.record("no load"); return }
        _ = update(&state, .pageLoaded(first, .whole(rows, notes: notes)))
        let effects = update(&state, .key(.char("s")))
        #expect(effects.first == .setStatus(1, .pending))
        #expect(state.list.departed == 1)
        // The reload no longer lists Ada: she stays, dimmed, under the cursor.
        guard case .loadPage(let reload) = effects.first(where: { if case .loadPage = $0 { true } else { false } }) else {
            Issue.record("no reload"); return
        }
        _ = update(&state, .pageLoaded(reload, .whole([rows[1]], notes: [2: notes[2]!])))
        #expect(state.list.selectedRow?.customerName == "Ada Lovelace" && state.list.rows.count == 2)
        _ = update(&state, .statusSet(1, .pending))
        #expect(state.message?.text == "Status: pending — Ada Lovelace leaves Waiting when you move on · u undoes")
        #expect(update(&state, .key(.char("s"))).first == .setStatus(1, .closed), "the next s is Ada's again")
        _ = update(&state, .key(.char("j")))
        #expect(state.list.rows.map(\.customerName) == ["Bea Ortiz"] && state.list.selectedRow?.customerName == "Bea Ortiz")
    }

    @Test("u: nothing yet, then the last change as an effect, then too late after a minute")
    func undoKey() {
        var state = loadedState([row(1, name: "Ada Lovelace", owner: maria)])
        _ = update(&state, .key(.char("u")))
        #expect(state.message?.text.hasPrefix("Nothing to undo") == true)
        _ = update(&state, .key(.char("s")))
        let change = UndoableChange(.status(1, from: .open, to: .pending), at: now, label: "Ada Lovelace")
        #expect(update(&state, .key(.char("u"))) == [.undo(change)])
        _ = update(&state, .key(.char("s")))
        _ = update(&state, .tick(now.addingTimeInterval(61)))
        #expect(update(&state, .key(.char("u"))).isEmpty)
        #expect(state.message == StatusMessage("Too late to undo (a change can be undone for a minute)", isError: true))
    }
}
