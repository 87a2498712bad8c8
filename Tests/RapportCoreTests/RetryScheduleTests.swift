import Foundation
import Testing
import RapportCore

@Suite("retry schedule")
struct RetryScheduleTests {
    let failedAt = Date(timeIntervalSince1970: 1_900_000_000)

    func item(_ state: OutboxState, attempts: Int) -> OutboxItem {
        OutboxItem(id: 1, messageRowID: 1, conversationID: 1, agent: "sam", toAddress: "ann@lee.example", state: state,
                   error: "exit 75", attempts: attempts, queued: failedAt - 600, updated: failedAt)
    }

    @Test func eachFailureWaitsItsDelayThenRetriesStop() {
        let schedule = RetrySchedule(delays: [60, 300])
        #expect(schedule.nextAttempt(of: item(.failed, attempts: 1)) == failedAt + 60)
        #expect(schedule.nextAttempt(of: item(.failed, attempts: 2)) == failedAt + 300)
        #expect(schedule.nextAttempt(of: item(.failed, attempts: 3)) == nil)
        #expect(!schedule.isDue(item(.failed, attempts: 1), now: failedAt + 59))
        #expect(schedule.isDue(item(.failed, attempts: 1), now: failedAt + 60))
        #expect(!schedule.isDue(item(.failed, attempts: 3), now: failedAt + 1_000_000))
    }

    @Test func queuedIsDueAtOnceAndOtherStatesNever() {
        let schedule = RetrySchedule(delays: [])
        #expect(schedule.isDue(item(.queued, attempts: 7), now: failedAt))
        #expect(!schedule.isDue(item(.failed, attempts: 1), now: failedAt + 1_000_000))
        for state in [OutboxState.sending, .sent, .needsDecision] {
            #expect(!schedule.isDue(item(state, attempts: 1), now: failedAt + 1_000_000))
            #expect(schedule.nextAttempt(of: item(state, attempts: 1)) == nil)
        }
    }
}
