import Foundation
import RapportCore
import RapportRuntime
import RapportTerminal
import RapportTUI

/// Opens the full-screen inbox for `agent` and runs it until the agent quits.
///
/// Only the wiring: the real terminal as the `Program`'s screen, the effect runner as its
/// interpreter, background delivery and the store's change feed (`ChangeWatcher`) as its other sources (the loop
/// itself is RapportRuntime's `Program`). The terminal is restored on quit, on a thrown error,
/// and on SIGINT/SIGTERM/SIGHUP.
func runInbox(store: any StorePort, agent: Agent, composer: ComposerServices? = nil,
              limits: PolicyLimits = .standard, quietDays: Int = 90, legalFooter: String? = nil) throws {
    let terminal = try Terminal()
    defer { terminal.close() }
    var runner = EffectRunner(store: store, agent: agent, quietDays: quietDays)
    runner.composer = composer
    runner.composer?.editExternally = { text in try ExternalEditor.edit(text, screen: terminal) }
    let size = terminal.size
    var state = AppState(agent: agent, width: size.width, height: size.height, now: Date())
    state.compose.limits = limits
    state.compose.legalFooter = legalFooter
    let changes = ChangeWatcher(feed: store)
    let delivery = composer?.delivery
    var program = Program(screen: terminal, state: state, interpreter: runner,
                          sources: .init(background: { delivery?.takeResults() ?? [] },
                                         storeChanges: changes.messages))
    let end = program.run()
    terminal.close()
    // The others stop seeing "Sam is viewing" now rather than when the mark runs out.
    _ = runner.perform(.presence(.leave))
    // A reply half-handed to sendmail would be left in `sending`: let the run finish.
    composer?.delivery.waitUntilIdle()
    if case .signal(let sig) = end { Terminal.reraise(sig) }
}
