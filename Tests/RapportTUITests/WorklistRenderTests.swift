import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// The Heads-up and Thank-you work lists, rendered as text.
@Suite("Render: work lists")
struct WorklistRenderTests {
    func state(_ view: InboxView, rows: [ConversationSummary], notes: [ConversationID: RowNote]) -> AppState {
        var state = loadedState([], width: 90, height: 14)
        _ = update(&state, .key(.char(Character(String(view.number)))))
        let request = PageRequest(source: .view(view), query: ConversationQuery(),
                                  placement: .around(nil, fallback: nil, above: 0, below: 40), limit: 50)
        _ = update(&state, .pageLoaded(request, Page(rows: rows, moreBefore: false, moreAfter: false, notes: notes)))
        return state
    }

    @Test func headsUpShowsWhenEachIsDueAndMarksTheLateOnes() {
        let s = state(.headsUp, rows: [row(1, name: "May Robinson", owner: maria), row(2, name: "Noah Fischer", owner: maria)],
                      notes: [1: RowNote(text: "Overdraft on 2023-11-16 — draft ready", due: now.addingTimeInterval(-2.5 * 86_400)),
                              2: RowNote(text: "Fee on 2023-12-01 — draft ready", due: now.addingTimeInterval(3.5 * 86_400))])
        expectScreen(Array(screen(s).prefix(4)), [
            " 1 Mine 2 Unassigned 3 All 4 Pending 5 Heads-up 6 Thank-you 7 Quiet 8 Waiting 9 For you",
            "  Customer             When                   What",
            " !May Robinson         2d late                Overdraft on 2023-11-16 — draft ready",
            "  Noah Fischer         in 3d                  Fee on 2023-12-01 — draft ready",
        ])
    }

    @Test func thankYouShowsHowLongTheReferrerHasWaited() {
        let s = state(.thankYou, rows: [row(3, name: "Dana Whitfield", owner: maria)],
                      notes: [3: RowNote(text: "referred Chloé Martin, Will Turner — thank-you draft ready",
                                         since: now.addingTimeInterval(-12 * 86_400))])
        #expect(screen(s)[2] == "  Dana Whitfield       waiting 12d            referred Chloé Martin, Will Turner — thank-…")
    }

    @Test func emptyWorkListsSaySoKindly() {
        let s = state(.thankYou, rows: [], notes: [:])
        #expect(screen(s)[2] == "  Every referral has been thanked.")
    }

    /// A store written before config values were bounded holds a heads-up due 2.5e16 years ago
    /// (`headsup_lead_days = 9223372036854775807`): the work list draws it instead of trapping.
    @Test func aDueDateNoCalendarCanShowIsDrawnNotTrappedOn() {
        let absurd = Date(timeIntervalSince1970: -7.97e23)
        let s = state(.headsUp, rows: [row(1, name: "May Robinson", owner: maria)],
                      notes: [1: RowNote(text: "Fee on \(ISODate.format(absurd)) — draft ready", due: absurd)])
        #expect(screen(s)[2].hasPrefix(" !May Robinson "))
        #expect(screen(s)[2].contains("years late") && screen(s)[2].contains("Fee on 0001-01-0"))
        #expect(Formatting.age(Date(timeIntervalSince1970: -1e300), now: now) == "\(Int(1e15) / 60 / 24 / 365)y")
        #expect(Formatting.due(Date(timeIntervalSince1970: .infinity), now: now).hasPrefix("in "))
        #expect(Formatting.date(Date(timeIntervalSince1970: 1e300), .gmt) == "9999-12-31")
    }
}
