import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("EffectSchedule: what a frame waits for, in the order update asked")
struct EffectScheduleTests {
    let query = ConversationQuery()

    func page(_ placement: PageRequest.Placement) -> Effect {
        .loadPage(PageRequest(source: .view(.mine), query: query, placement: placement, limit: 50))
    }

    @Test("Opening a thread runs now; marking it seen follows the frame")
    func openNowSeenLater() {
        var schedule = EffectSchedule()
        #expect(schedule.admit(.openConversation(7)) == .openConversation(7))
        #expect(schedule.admit(.markSeen(7)) == nil)
        #expect(schedule.takeWaiting() == [.markSeen(7)])
        #expect(!schedule.hasWaiting)
    }

    @Test("An assignment and the reload after it all follow the frame, write first")
    func writeThenReloadInOrder() {
        var schedule = EffectSchedule()
        let reload = page(.around(3, fallback: nil, above: 20, below: 20))
        let asked: [Effect] = [.assign(customer: 30, to: "bob", note: nil), reload, .loadCounts]
        #expect(asked.compactMap { schedule.admit($0) }.isEmpty)
        #expect(schedule.takeWaiting() == asked)
    }

    @Test("Read-ahead pages follow the frame; the page under the cursor does not")
    func readAhead() {
        var schedule = EffectSchedule()
        let cursor = PageCursor(lastActivity: Date(timeIntervalSince1970: 0), id: 1)
        #expect(schedule.admit(page(.after(cursor))) == nil)
        #expect(schedule.takeWaiting().count == 1)
        #expect(schedule.admit(page(.bottom)) != nil)
        #expect(schedule.admit(page(.around(nil, fallback: nil, above: 0, below: 10))) != nil)
    }

    @Test("Work asked for behind waiting work waits too, so effects never overtake each other")
    func noOvertaking() {
        var schedule = EffectSchedule()
        _ = schedule.admit(.setStatus(4, .closed))
        #expect(schedule.admit(.openConversation(4)) == nil)
        #expect(schedule.takeWaiting() == [.setStatus(4, .closed), .openConversation(4)])
        #expect(schedule.admit(.openConversation(4)) == .openConversation(4))
    }

    @Test("A waiting count or thread read ahead does not hold back the thread a key opens")
    func snapshotReadsDoNotHoldBack() {
        var schedule = EffectSchedule()
        #expect(schedule.admit(.loadCounts) == nil)
        #expect(schedule.admit(.loadAgentLoads) == nil)
        #expect(schedule.admit(.readAhead(3)) == nil)
        #expect(schedule.admit(.openConversation(4)) == .openConversation(4))
        _ = schedule.admit(.markSeen(4))
        #expect(schedule.admit(.openConversation(5)) == nil)   // behind a write
        #expect(schedule.takeWaiting() == [.loadCounts, .loadAgentLoads, .readAhead(3), .markSeen(4), .openConversation(5)])
    }
}
