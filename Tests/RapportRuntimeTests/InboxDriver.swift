import Foundation
import RapportCore
import RapportRuntime
import RapportTUI

/// The inbox loop's order of work without a terminal (as in Sources/rapport/Inbox/InboxLoop.swift):
/// a message goes through `update`, the effects the frame needs run at once, those that could
/// follow the frame run next; then the loop asks the change watcher whether to read the screen again.
struct InboxDriver {
    var state: AppState
    let effects: InboxStoreEffects
    var changes: ChangeWatcher
    var schedule = EffectSchedule()

    init(store: any WorkflowStore & ChangeFeed, agent: Agent) {
        state = AppState(agent: agent, width: 100, height: 20, now: Date())
        effects = InboxStoreEffects(store: store, agent: agent)
        changes = ChangeWatcher(feed: store)
    }

    /// One message and all the work it leads to, as the loop does before its next poll.
    mutating func send(_ msg: AppMsg) {
        var queue = [msg]
        drain(&queue)
        while schedule.hasWaiting {
            for effect in schedule.takeWaiting() { queue += effects.perform(effect) ?? [] }
            drain(&queue)
        }
    }

    /// The loop's poll: true when it read the screen again.
    mutating func poll() -> Bool {
        guard changes.othersWrote() else { return false }
        send(.storeChanged)
        return true
    }

    private mutating func drain(_ queue: inout [AppMsg]) {
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                if let now = schedule.admit(effect) { queue += effects.perform(now) ?? [] }
            }
        }
    }
}
