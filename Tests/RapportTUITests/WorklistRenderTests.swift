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
            "  1 Mine   2 Unassigned   3 All   4 Waiting   5 Heads-up   6 Thank-you   7 Quiet  rapport",
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
}
