import Foundation
import RapportCore
import RapportRuntime
import RapportTerminal
import RapportTUI

/// Opens the full-screen inbox for `agent` and runs it until the agent quits.
///
/// One thread does everything: read a key (or time out after 250 ms), ask the change feed whether
/// someone else wrote, feed messages to `update`, run the effects the frame needs, draw the diff, then run the
/// effects that could wait for the frame (`EffectSchedule`) and draw again. A change committed by
/// another process is therefore on screen within about a quarter of a second, keypress or not.
/// The terminal is restored on quit, on a thrown error, and on SIGINT/SIGTERM/SIGHUP.
func runInbox(store: any WorkflowStore & ChangeFeed, agent: Agent, composer: ComposerServices? = nil,
              limits: PolicyLimits = .standard, quietDays: Int = 90) throws {
    let terminal = try Terminal()
    defer { terminal.close() }
    var loop = InboxLoop(store: store, agent: agent, terminal: terminal, composer: composer, limits: limits,
                         quietDays: quietDays)
    let sig = try loop.run()
    terminal.close()
    // A reply half-handed to sendmail would be left in `sending`: let the run finish.
    composer?.delivery.waitUntilIdle()
    if let sig { Terminal.reraise(sig) }
}

struct InboxLoop {
    static let pollMilliseconds: Int32 = 250
    /// Ticks drive the clock and the composer's draft saving (a draft is written on the tick after a change).
    static let tickSeconds = 0.5

    let terminal: Terminal
    let runner: EffectRunner
    let store: any WorkflowStore
    var state: AppState
    var queue: [AppMsg] = [.start]
    var schedule = EffectSchedule()
    var changes: ChangeWatcher
    var lastTick = Date()

    init(store: any WorkflowStore & ChangeFeed, agent: Agent, terminal: Terminal, composer: ComposerServices? = nil,
         limits: PolicyLimits = .standard, quietDays: Int = 90) {
        self.store = store
        self.terminal = terminal
        var runner = EffectRunner(store: store, agent: agent, quietDays: quietDays)
        runner.composer = composer
        runner.composer?.editExternally = { text in try ExternalEditor.edit(text, terminal: terminal) }
        self.runner = runner
        let size = terminal.size
        state = AppState(agent: agent, width: size.width, height: size.height, now: Date())
        state.compose.limits = limits
        changes = ChangeWatcher(feed: store)
    }

    /// Runs until quit; returns the signal that stopped it, if one did.
    mutating func run() throws -> Int32? {
        while true {
            if drainQueue() { return nil }
            var frame = CellBuffer(width: state.width, height: state.height)
            render(state, into: &frame)
            terminal.draw(frame)
            // Writes and read-ahead the frame did not need: their results are drawn before the next key.
            if schedule.hasWaiting {
                runWaiting()
                continue
            }

            // Keys typed ahead (or an unbracketed paste) are all handled before the next frame.
            var event = terminal.read(timeout: Self.pollMilliseconds)
            var burst = 0
            while let current = event {
                switch current {
                case .key(let key): queue.append(.key(key))
                case let .resize(width, height): queue.append(.resize(width: width, height: height))
                case .signal(let sig):
                    runWaiting()   // an assignment made just before the signal is still written
                    return sig
                }
                if drainQueue() { return nil }
                burst += 1
                event = burst < 4096 ? terminal.read(timeout: 0) : nil
            }
            if let delivery = runner.composer?.delivery { queue += delivery.takeResults() }
            pollStore()
            let now = Date()
            if now.timeIntervalSince(lastTick) >= Self.tickSeconds {
                lastTick = now
                queue.append(.tick(now))
            }
        }
    }

    /// Feeds every waiting message to `update` and runs what it asks; true when it asked to quit.
    private mutating func drainQueue() -> Bool {
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                switch effect {
                case .quit:
                    runWaiting()
                    return true
                case .redraw: terminal.invalidate()
                case .suspend: terminal.stopForShell()
                default:
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
        queue += runner.perform(effect)
        // Our own writes no longer reload the screen (ChangeWatcher): `update` reads back what it changed.
        if effect.isReadBackByLoop { queue.append(.storeChanged) }
        if case .composer(.editExternally) = effect {
            // The terminal may have changed size while the editor had it.
            let size = terminal.size
            queue.append(.resize(width: size.width, height: size.height))
        }
    }

    /// Another writer's changes: read the screen again (our own are on it already).
    private mutating func pollStore() {
        if changes.othersWrote() { queue.append(.storeChanged) }
    }
}

private extension Effect {
    /// Own writes `update` does not read back yet — a new note or reply in the open conversation, a
    /// discarded draft a work list shows — so the loop reads the screen again after them, as it did
    /// after every write before the change feed. (To move into `update`, then this goes.)
    var isReadBackByLoop: Bool {
        switch self {
        case .composer(.sendReply), .composer(.addNote), .composer(.deleteDraft): true
        default: false
        }
    }
}
