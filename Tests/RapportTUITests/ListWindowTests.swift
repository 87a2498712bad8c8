import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("List window: keyset paging and a cursor that stays put")
struct ListWindowTests {
    /// 500 conversations, one a minute, all Maria's.
    func bigInbox() -> FakeInbox {
        FakeInbox((1...500).map { row(ConversationID($0), name: "Customer \($0)", owner: maria, minutesAgo: $0) })
    }

    func started(_ inbox: FakeInbox, height: Int = 12) -> AppState {
        var state = AppState(agent: maria, width: 100, height: height, now: now, timeZone: utc)
        inbox.send(.start, to: &state)
        return state
    }

    @Test("Start loads one bounded page, not the whole list")
    func firstPage() {
        let inbox = bigInbox()
        let state = started(inbox)
        #expect(state.list.rows.first?.id == 1)
        #expect(state.list.rows.count <= ListWindow.pageSize)
        #expect(state.list.moreAfter)
        #expect(!state.list.moreBefore)
    }

    @Test("Moving down pages in more rows; the window never exceeds its capacity")
    func pagingDown() {
        let inbox = bigInbox()
        var state = started(inbox)
        for _ in 0..<80 { inbox.send(.key(.pageDown), to: &state) }
        #expect(state.list.rows.count <= ListWindow.capacity)
        #expect(state.list.selectedRow?.id == 500)
        #expect(state.list.moreBefore)
        // And all the way back up.
        for _ in 0..<80 { inbox.send(.key(.pageUp), to: &state) }
        #expect(state.list.selectedRow?.id == 1)
        #expect(state.list.rows.count <= ListWindow.capacity)
    }

    @Test("G jumps to the last rows with one bounded query; g back to the top")
    func bottomAndTop() {
        let inbox = bigInbox()
        var state = started(inbox)
        inbox.send(.key(.char("G")), to: &state)
        #expect(state.list.selectedRow?.id == 500)
        #expect(state.list.rows.count <= ListWindow.pageSize)
        inbox.send(.key(.char("g")), to: &state)
        #expect(state.list.selectedRow?.id == 1)
    }

    @Test("After a reload the cursor stays on the same conversation when rows appear above it")
    func cursorStaysWhenRowsArrive() {
        let inbox = bigInbox()
        var state = started(inbox)
        for _ in 0..<5 { inbox.send(.key(.char("j")), to: &state) }
        #expect(state.list.selectedRow?.id == 6)
        let screenRow = state.list.selected - state.list.top
        // Another process: two new conversations at the top.
        inbox.conversations.append(row(900, name: "New one", owner: maria, minutesAgo: 0))
        inbox.conversations.append(row(901, name: "Newer one", owner: maria, minutesAgo: 0))
        inbox.send(.storeChanged, to: &state)
        #expect(state.list.selectedRow?.id == 6)
        #expect(state.list.selected - state.list.top == screenRow)
    }

    @Test("On the first row, new conversations show above the cursor, which stays on its conversation")
    func newMailShowsAboveTheFirstRow() {
        let inbox = bigInbox()
        var state = started(inbox)
        #expect(state.list.selectedRow?.id == 1 && state.list.top == 0)
        inbox.conversations.append(row(900, name: "New one", owner: maria, minutesAgo: 0))
        inbox.send(.storeChanged, to: &state)
        #expect(state.list.selectedRow?.id == 1)
        #expect(state.list.top == 0 && state.list.rows.first?.id == 900, "the new row is on screen")
    }

    @Test("The cursor follows its conversation when new activity moves it to the top")
    func cursorFollowsMovedRow() {
        let inbox = bigInbox()
        var state = started(inbox)
        for _ in 0..<3 { inbox.send(.key(.char("j")), to: &state) }
        let i = inbox.conversations.firstIndex { $0.id == 4 }!
        inbox.conversations[i].lastActivity = now
        inbox.send(.storeChanged, to: &state)
        #expect(state.list.selectedRow?.id == 4)
        #expect(state.list.rows.first?.id == 4)
    }

    @Test("When its conversation leaves the view, the cursor stays on the row that took its place")
    func cursorWhenRowLeaves() {
        let inbox = FakeInbox((1...6).map { row(ConversationID($0), name: "C\($0)", owner: maria, minutesAgo: $0) })
        var state = started(inbox)
        inbox.keys([.char("j"), .char("j")], to: &state)          // on 3
        // Another process hands customer 30 to Bob: it leaves Mine.
        let i = inbox.conversations.firstIndex { $0.id == 3 }!
        inbox.conversations[i].ownerLogin = "bob"
        inbox.send(.storeChanged, to: &state)
        #expect(state.list.selectedRow?.id == 4)
        #expect(!state.list.rows.contains { $0.id == 3 })
    }

    @Test("Changes by others show in the row: a new owner appears after a reload")
    func ownerChangeByOthers() {
        let inbox = FakeInbox([row(1, name: "Ada", owner: nil), row(2, name: "Grace", owner: nil, minutesAgo: 9)])
        var state = AppState(agent: maria, width: 100, height: 12, now: now, timeZone: utc)
        inbox.send(.start, to: &state)
        inbox.send(.key(.char("3")), to: &state)                   // All
        inbox.send(.key(.char("j")), to: &state)
        inbox.conversations[0].ownerLogin = "bob"
        inbox.conversations[0].ownerFirstName = "Bob"
        inbox.send(.storeChanged, to: &state)
        #expect(state.list.rows.first?.ownerFirstName == "Bob")
        #expect(state.list.selectedRow?.id == 2)
        #expect(screen(state).contains { $0.contains("Ada") && $0.contains("Bob") })
    }

    @Test("Taking the conversation under the cursor in Unassigned moves the cursor to its neighbour")
    func takeFromUnassigned() {
        let inbox = FakeInbox((1...4).map { row(ConversationID($0), name: "C\($0)", owner: nil, minutesAgo: $0) })
        var state = AppState(agent: maria, width: 100, height: 12, now: now, timeZone: utc)
        inbox.send(.start, to: &state)
        inbox.keys([.char("2"), .char("j"), .char("t")], to: &state)
        #expect(inbox.conversations[1].ownerLogin == "maria")
        #expect(state.list.selectedRow?.id == 3)
        #expect(state.counts?.mine == 1)
        #expect(state.message?.text == "C2 is now looked after by you")
    }
}

@Suite("Page loader")
struct PageLoaderTests {
    @Test("Around a conversation: rows above and below, with the anchor's index")
    func around() throws {
        let inbox = FakeInbox((1...30).map { row(ConversationID($0), owner: maria, minutesAgo: $0) })
        let q = InboxView.all.query(agent: "maria")!
        let anchor = inbox.conversations[14].cursor                   // id 15
        let page = try PageLoader.load(
            PageRequest(source: .view(.all), query: q, placement: .around(15, fallback: anchor, above: 3, below: 4), limit: 50),
            fetch: inbox.fetch, locate: { id in inbox.conversations.first { $0.id == id }?.cursor })
        #expect(page.rows.map(\.id) == [12, 13, 14, 15, 16, 17, 18])
        #expect(page.anchorIndex == 3)
        #expect(page.moreBefore && page.moreAfter)
    }

    @Test("Around the first row: nothing above, no more before")
    func aroundTop() throws {
        let inbox = FakeInbox((1...5).map { row(ConversationID($0), owner: maria, minutesAgo: $0) })
        let q = InboxView.all.query(agent: "maria")!
        let page = try PageLoader.load(
            PageRequest(source: .view(.all), query: q, placement: .around(1, fallback: nil, above: 3, below: 10), limit: 50),
            fetch: inbox.fetch, locate: { id in inbox.conversations.first { $0.id == id }?.cursor })
        #expect(page.rows.map(\.id) == [1, 2, 3, 4, 5])
        #expect(page.anchorIndex == 0 && !page.moreBefore && !page.moreAfter)
    }
}
