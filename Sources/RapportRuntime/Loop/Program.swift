import Foundation
import RapportCore
import RapportTUI

/// The inbox's loop, on any `Screen`: the terminal in `rapport`, an `InMemoryScreen` in tests and
/// the benchmark.
///
/// One thread does everything. A turn (`step`) reads what came in — keys (all those typed ahead,
/// so a paste or a held key is one frame), a resize, a signal, delivery results, a store change,
/// the clock's tick — feeds each to `update`, runs the effects the frame needs, and draws. Then
/// `settle` runs the effects that could wait for the frame (`EffectSchedule`) and draws again.
/// `run` repeats that until quit, reading with a quarter-second timeout, so a change committed
/// by another process is on screen within about that, keypress or not.
public struct Program {
    /// How long a turn waits for a key before it looks at the store and the clock.
    public static let pollMilliseconds: Int32 = 250
    /// Ticks drive the clock and the composer's draft saving (a draft is written on the tick after a change).
    public static let tickSeconds = 0.5
    /// Keys read in one turn at most, so a flood of input still gets a frame now and then.
    static let burst = 4096

    /// Why the loop stopped.
    public enum End: Sendable, Equatable {
        case quit
        /// SIGINT, SIGTERM or SIGHUP: the caller restores the terminal and re-raises it.
        case signal(Int32)
    }

    /// Messages that come from outside the screen, asked for once a turn.
    public struct Sources {
        /// Results of work finished on other threads (`BackgroundDelivery.takeResults`).
        public var background: () -> [AppMsg]
        /// What other processes changed in the store (`ChangeWatcher.messages`).
        public var storeChanges: () -> [AppMsg]
        /// The time for ticks; tests pass a fixed one so no tick depends on the wall clock.
        public var clock: () -> Date

        public init(background: @escaping () -> [AppMsg] = { [] }, storeChanges: @escaping () -> [AppMsg] = { [] },
                    clock: @escaping () -> Date = Date.init) {
            self.background = background
            self.storeChanges = storeChanges
            self.clock = clock
        }
    }

    public let screen: any Screen
    let interpreter: any EffectInterpreter
    let sources: Sources
    public private(set) var state: AppState
    var queue: [AppMsg] = [.start]
    var schedule = EffectSchedule()
    var lastTick: Date
    /// True when the last `step` found nothing to handle.
    public private(set) var wasIdle = false

    /// A program showing `state` on `screen`; the first `step` (or `run`) handles `.start`.
    public init(screen: any Screen, state: AppState, interpreter: any EffectInterpreter, sources: Sources = Sources()) {
        self.screen = screen
        self.state = state
        self.interpreter = interpreter
        self.sources = sources
        lastTick = sources.clock()
    }

    /// Runs until quit or a signal.
    public mutating func run() -> End {
        if let end = frame() ?? settle() { return end }   // the first frame does not wait for a key
        while true {
            if let end = step(timeout: Self.pollMilliseconds) { return end }
            if let end = settle() { return end }
        }
    }

    /// One turn: whatever is queued or comes in within `milliseconds`, to its frame.
    public mutating func step(timeout milliseconds: Int32) -> End? {
        let hadQueued = !queue.isEmpty
        var events = 0
        if let end = readInput(timeout: milliseconds, events: &events) { return end }
        queue += sources.background()
        let now = sources.clock()
        if now.timeIntervalSince(lastTick) >= Self.tickSeconds {
            lastTick = now
            queue.append(.tick(now))
        }
        wasIdle = !hadQueued && events == 0 && queue.isEmpty
        return frame()
    }

    /// The effects that waited for the last frame, each round of them followed by a frame.
    /// Then, once, `.idle`: the work that only helps the next key (reading ahead the thread under
    /// the cursor) runs while the agent reads the screen.
    public mutating func settle() -> End? {
        var saidIdle = false
        while true {
            if !schedule.hasWaiting {
                guard !saidIdle else { return nil }
                saidIdle = true
                queue.append(.idle)
                if drainQueue() { return .quit }   // nothing shown changes: no frame for it
                continue
            }
            runWaiting()
            if let end = frame() { return end }
        }
    }

    /// Turns without waiting until nothing is left to do: the screen has no input, no effect waits,
    /// no other source has news. For tests and the benchmark, on an `InMemoryScreen`.
    public mutating func runUntilIdle() -> End? {
        while true {
            if let end = step(timeout: 0) { return end }
            let idle = wasIdle && !schedule.hasWaiting
            if let end = settle() { return end }
            if idle { return nil }
        }
    }

    /// Hands `msg` to the loop as if it had come in; the next `step` handles it.
    public mutating func send(_ msg: AppMsg) {
        queue.append(msg)
    }

    // MARK: - A turn's parts

    /// Reads every event waiting (the first within `milliseconds`), handling each as it comes.
    private mutating func readInput(timeout milliseconds: Int32, events count: inout Int) -> End? {
        var event = screen.read(timeout: milliseconds)
        // What other processes committed while we waited, heard before any key, so the key acts on
        // what the store has now (Enter does not open a thread read ahead before that change).
        queue += sources.storeChanges()
        while let current = event {
            switch current {
            case .key(let key): queue.append(.key(key))
            case let .resize(width, height): queue.append(.resize(width: width, height: height))
            case .signal(let sig):
                runWaiting()   // an assignment made just before the signal is still written
                return .signal(sig)
            }
            if drainQueue() { return .quit }
            count += 1
            event = count < Self.burst ? screen.read(timeout: 0) : nil
        }
        return nil
    }

    /// Handles what is queued, then draws.
    private mutating func frame() -> End? {
        if drainQueue() { return .quit }
        var buffer = CellBuffer(width: state.width, height: state.height)
        render(state, into: &buffer)
        screen.draw(buffer)
        return nil
    }

    /// Feeds every waiting message to `update` and runs what it asks; true when it asked to quit.
    private mutating func drainQueue() -> Bool {
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                // The loop's own effects; every other goes to the interpreter, now or after the frame.
                switch effect {
                case .quit:
                    runWaiting()
                    return true
                case .redraw:
                    screen.invalidate()
                case .suspend:
                    screen.stopForShell()
                case .loadPage, .loadCounts, .loadAgents, .goAway, .comeBack, .loadAgentLoads, .openConversation, .readAhead, .markSeen, .markUnread, .snooze, .wakeSnoozes, .saveAttachment, .openAttachment, .assign, .setStatus,
                     .findCustomers, .recordReferral, .undo, .composer, .customers, .presence:
                    if let now = schedule.admit(effect) { perform(now) }
                }
            }
        }
        return false
    }

    /// Runs the effects that waited for the frame; their answers go to the queue.
    private mutating func runWaiting() {
        for effect in schedule.takeWaiting() { perform(effect) }
    }

    private mutating func perform(_ effect: Effect) {
        queue += interpreter.perform(effect)
        if case .composer(.editExternally) = effect {
            // The terminal may have changed size while the editor had it.
            let size = screen.size
            queue.append(.resize(width: size.width, height: size.height))
        }
    }
}
