import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI

/// `rapport`'s inbox loop (`Program`) on an in-memory screen, driven one key at a time: `send` is a
/// key to its frame, `settle` the work that waited for the frame, each round followed by a frame,
/// as the loop does before it reads the next key. Nothing else comes in: no ticks (the clock is
/// fixed) and no store polling, so a timing holds only the key's own work.
struct BenchInbox {
    let screen: InMemoryScreen
    let effects: TimedEffects
    var program: Program
    var state: AppState { program.state }

    init(store: any StorePort, agent: Agent, width: Int, height: Int, timesEffects: Bool) {
        screen = InMemoryScreen(width: width, height: height)
        effects = TimedEffects(EffectRunner(store: store, agent: agent, quietDays: 90), timed: timesEffects)
        let now = Date()
        program = Program(screen: screen, state: AppState(agent: agent, width: width, height: height, now: now),
                          interpreter: effects, sources: .init(clock: { now }))
    }

    /// The first frame: the loop starts with `.start` queued.
    mutating func start() {
        precondition(program.step(timeout: 0) == nil, "the inbox stopped at start")
    }

    /// Keys typed together, to their one frame.
    mutating func send(_ keys: Key...) {
        for key in keys { screen.press(key) }
        precondition(program.step(timeout: 0) == nil, "the inbox stopped on \(keys)")
    }

    /// The work that followed the frame, with a frame after each round of it.
    mutating func settle() {
        precondition(program.settle() == nil, "the inbox stopped while settling")
    }
}

/// The effect runner, timing each kind of effect when asked (`--verbose`); otherwise nothing but
/// the effect runs inside a key's timing.
final class TimedEffects: EffectInterpreter {
    let runner: EffectRunner
    let timed: Bool
    private(set) var times: [String: Timings] = [:]
    /// Threads read before a frame (`.openConversation`): an Enter that found nothing read ahead.
    private(set) var threadReads = 0

    init(_ runner: EffectRunner, timed: Bool) {
        self.runner = runner
        self.timed = timed
    }

    func perform(_ effect: Effect) -> [AppMsg] {
        if case .openConversation = effect { threadReads += 1 }
        guard timed else { return runner.perform(effect) }
        let kind = String(String(describing: effect).prefix { $0 != "(" })
        return times[kind, default: Timings()].measure { runner.perform(effect) }
    }
}
