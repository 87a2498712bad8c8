import Foundation
import RapportCore
import Testing

/// Who counts as quiet, how long they have been, and in what order the worklist shows them.
@Suite struct QuietCustomersTests {
    let now = Date(timeIntervalSince1970: 100 * 86_400)

    func candidate(_ id: CustomerID, created: Double = 0, lastWritten: Double?) -> QuietCustomers.Candidate {
        QuietCustomers.Candidate(customerID: id, name: "C\(id)", email: "c\(id)@x.example", created: created,
                                 lastWritten: lastWritten, lastConversationID: lastWritten == nil ? nil : id * 10)
    }

    @Test func onlyThoseLastWrittenBeforeTheCutoffAreQuiet() {
        let cutoff = 70.0 * 86_400
        let quiet = QuietCustomers.select([candidate(1, lastWritten: cutoff - 1), candidate(2, lastWritten: cutoff),
                                           candidate(3, lastWritten: 99 * 86_400)], days: 30, now: now)
        #expect(quiet.map(\.customerID) == [1], "the cutoff itself is not quiet yet")
        #expect(quiet.first?.daysQuiet == 30 && quiet.first?.lastConversationID == 10)
        #expect(quiet.first?.lastWrittenTo == Date(timeIntervalSince1970: cutoff - 1))
    }

    @Test func neverWrittenToCountsFromWhenTheyWereAdded() {
        let quiet = QuietCustomers.select([candidate(1, created: 10 * 86_400, lastWritten: nil),
                                           candidate(2, created: 95 * 86_400, lastWritten: nil)], days: 30, now: now)
        #expect(quiet.map(\.customerID) == [1], "a customer added last week is new, not quiet")
        #expect(quiet.first?.daysQuiet == nil && quiet.first?.lastWrittenTo == nil)
    }

    @Test func neverWrittenToComeFirstThenTheLongestQuiet() {
        let quiet = QuietCustomers.select([candidate(1, lastWritten: 50 * 86_400), candidate(2, lastWritten: 10 * 86_400),
                                           candidate(3, lastWritten: nil), candidate(4, lastWritten: 30 * 86_400)],
                                          days: 30, now: now)
        #expect(quiet.map(\.customerID) == [3, 2, 4, 1])
        #expect(quiet.map(\.daysQuiet) == [nil, 90, 70, 50])
    }

    @Test func daysQuietCountsWholeDaysOnly() {
        let quiet = QuietCustomers.select([candidate(1, lastWritten: 100 * 86_400 - 45 * 86_400 - 3_600)], days: 30, now: now)
        #expect(quiet.first?.daysQuiet == 45)
    }
}
