import RapportCore

/// The thread the next key is likely to open, read while the agent looks at the screen, so Enter
/// (or J/K in a thread) shows it from memory instead of waiting for the store.
///
/// When the loop has nothing else to do it says `.idle`; the inbox then asks for the thread under
/// the list's cursor, or the one after the thread open, once (`attempted`), after the frame.
/// What is held is only ever as old as the last change the inbox heard of: a store change or a
/// write forgets it (`mayChangeThreads`, checked in `update`), and a thread opened from it is read again
/// after that frame, in case another process changed it since.
public struct ThreadReadAhead: Sendable, Hashable {
    /// The thread read ahead, if any.
    public private(set) var held: ThreadData?
    /// The conversation last asked for, so a read that failed is not asked for again every turn.
    private var attempted: ConversationID?

    public init() {}

    /// The held thread of `id`, if that is the one read ahead.
    public func thread(_ id: ConversationID) -> ThreadData? {
        held?.conversation.id == id ? held : nil
    }

    /// The read to ask for when `target` is the likely next thread; nil when it is held or was asked.
    mutating func ask(for target: ConversationID?) -> Effect? {
        guard let target, held?.conversation.id != target, attempted != target else { return nil }
        attempted = target
        return .readAhead(target)
    }

    mutating func keep(_ data: ThreadData) {
        held = data
    }

    /// Drops what is held: it may no longer be what the store has.
    mutating func forget() {
        held = nil
        attempted = nil
    }
}

extension AppState {
    /// The thread the next key most likely opens: the row under the list's cursor, or in a thread
    /// the list's next row (J). None under an overlay or the composer.
    var readAheadTarget: ConversationID? {
        guard overlay == nil, activeComposer == nil else { return nil }
        guard let t = thread else { return list.selectedRow?.id }
        guard let here = list.rows.firstIndex(where: { $0.id == t.conversationID }),
              here + 1 < list.rows.count else { return nil }
        return list.rows[here + 1].id
    }

    /// A thread read ahead came back: held for Enter, and shown if it is the thread open.
    mutating func threadReadAhead(_ data: ThreadData) -> [Effect] {
        readAhead.keep(data)
        guard thread?.conversationID == data.conversation.id else { return [] }
        return receive(.threadLoaded(data))
    }

    /// Opens `row`'s thread from what was read ahead, if it holds it; nil otherwise.
    mutating func openFromReadAhead(_ row: ConversationSummary) -> [Effect]? {
        guard let data = readAhead.thread(row.id) else { return nil }
        screen = .thread(ThreadState(conversationID: row.id, summary: row))
        threadLoaded(data)
        // Read again after the frame: another process may have changed it since it was read.
        return [.markSeen(row.id), .readAhead(row.id)]
    }
}

extension AppMsg {
    /// True when the store may have changed what a thread shows: another process wrote, the server
    /// came back after an outage, or the composer's work (a send, a delivery) finished.
    var mayChangeThreads: Bool {
        switch self {
        case .storeChanged, .storeReachable, .composer: return true
        case .start, .key, .resize, .tick, .pageLoaded, .countsLoaded, .agentsLoaded, .agentLoadsLoaded, .absencesLoaded,
             .threadLoaded, .idle, .threadReadAhead, .assigned, .assignFailed, .statusSet, .undone, .customersFound,
             .referralRecorded, .notice, .failed, .customers, .presenceLoaded:
            return false   // a result of our own write was forgotten when the write was asked for
        }
    }
}

extension Effect {
    /// True when the effect writes something a thread shows (its messages, status, customer, owner).
    var mayChangeThreads: Bool {
        switch self {
        case .snooze, .wakeSnoozes, .assign, .setStatus, .undo, .recordReferral, .composer,
             .customers(.rename), .customers(.merge), .customers(.editAddress):
            return true
        case .loadPage, .loadCounts, .loadAgents, .loadAgentLoads, .goAway, .comeBack, .openConversation, .readAhead,
             .markSeen, .markUnread, .saveAttachment, .openAttachment, .findCustomers, .redraw, .suspend, .quit,
             .customers(.openPage), .customers(.countSearch), .presence:
            return false
        }
    }
}
