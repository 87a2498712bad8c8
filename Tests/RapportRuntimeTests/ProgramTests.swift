import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import Testing

/// The loop's own duties, apart from any scenario: signals, redraws, ticks and idleness.
@Suite("Program: the loop's own duties")
struct ProgramTests {
    @Test("A signal stops the loop, after the write the last key left waiting for its frame")
    func signalStopsAfterWaitingWrites() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.unassignedInbox()
        inbox.screen.press(.char("t"))
        inbox.screen.send(.signal(SIGTERM))
        #expect(inbox.program.runUntilIdle() == .signal(SIGTERM))
        #expect(try fixture.owner(of: "Eli") == "sam")
    }

    @Test("Ctrl-L forgets the frame on screen, and the next frame is drawn whole")
    func redrawInvalidates() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        let before = inbox.text
        let changed = inbox.screen.changedCells
        inbox.press(.ctrl("l"))
        #expect(inbox.screen.invalidations == 1)
        #expect(inbox.text == before)
        #expect(inbox.screen.changedCells - changed == 120 * 40)   // every cell written again
    }

    @Test("Ticks come from the clock it is given: half a second on, the screen's clock moves")
    func ticksFollowTheClock() throws {
        let fixture = try InboxFixture()
        let clock = TestClock(fixture.now)
        let screen = InMemoryScreen(width: 120, height: 40)
        var program = Program(screen: screen, state: AppState(agent: fixture.sam, width: 120, height: 40, now: fixture.now),
                              interpreter: EffectRunner(store: fixture.store, agent: fixture.sam, quietDays: 90),
                              sources: .init(clock: { clock.now }))
        #expect(program.runUntilIdle() == nil)
        #expect(screen.text.contains("Dana Whitfield") && screen.text.contains(" 2h "), "\(screen.text)")
        clock.now = fixture.now.addingTimeInterval(3600)
        #expect(program.runUntilIdle() == nil)
        #expect(program.state.now == clock.now)
        #expect(screen.text.contains(" 3h "), "ages follow the tick: \(screen.text)")
    }

    @Test("Idle means idle: with nothing scripted and nothing changed, a step draws and reports it")
    func idleWhenNothingHappens() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        let frames = inbox.screen.frames
        #expect(inbox.program.step(timeout: 0) == nil)
        #expect(inbox.program.wasIdle)
        #expect(inbox.screen.frames == frames + 1)
        #expect(inbox.screen.isDrained)
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
