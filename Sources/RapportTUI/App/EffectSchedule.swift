/// Decides which effects must finish before the next frame is drawn and which can follow it.
///
/// A key's frame needs what it shows: the page under the cursor, the thread just opened. Work the
/// screen already reflects — an assignment or status change `update` applied to the rows at once, a
/// seen mark, the counts, a page read ahead of the cursor — can run after the frame, so the key is
/// answered in the time of `update` + render instead of an fsync'd write and its reloads.
///
/// Effects run in the order `update` asked for them: once a write or a page waits for the frame,
/// every later effect waits behind it (a reload queued after a write must not read before the write).
/// A waiting read of a whole snapshot (the counts, a thread read ahead) holds nothing back: another
/// read may overtake it, so a key after a store change still gets its thread on its own frame.
public struct EffectSchedule: Sendable {
    private var waiting: [Effect] = []

    public init() {}

    /// The effect, when it must run now; nil when it was queued to run after the frame.
    public mutating func admit(_ effect: Effect) -> Effect? {
        guard !waiting.contains(where: \.holdsBackLaterEffects), !effect.canFollowFrame else {
            waiting.append(effect)
            return nil
        }
        return effect
    }

    /// True when work is queued for after the frame.
    public var hasWaiting: Bool { !waiting.isEmpty }

    /// The queued effects, in order, emptying the queue.
    public mutating func takeWaiting() -> [Effect] {
        defer { waiting = [] }
        return waiting
    }
}

extension Effect {
    /// True when the frame after the key does not need this effect's result (see `EffectSchedule`).
    public var canFollowFrame: Bool {
        switch self {
        case .assign, .setStatus, .markSeen, .markUnread, .wakeSnoozes, .loadCounts, .customers(.countSearch), .presence, .readAhead,
             .loadAgentLoads:   // the picker's names show at once, each agent's load a frame later
            return true
        case .loadPage(let request):
            switch request.placement {
            case .after, .before: return true     // read ahead of the cursor, which stays on loaded rows
            case .around, .bottom: return false
            }
        case .loadAgents, .goAway, .comeBack, .openConversation, .snooze, .saveAttachment, .openAttachment, .findCustomers, .recordReferral, .undo, .redraw, .suspend, .quit, .composer,
             .customers(.openPage), .customers(.rename), .customers(.merge), .customers(.editAddress):
            return false
        }
    }

    /// False for the reads whose answer is a snapshot taken whenever they run; true for the rest.
    var holdsBackLaterEffects: Bool {
        switch self {
        case .loadCounts, .loadAgentLoads, .readAhead, .customers(.countSearch), .presence(.read): return false
        default: return true
        }
    }
}
