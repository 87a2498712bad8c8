import RapportCore

/// The thread screen: scrolling, the sidebar, and new data for it.
extension AppState {
    /// Handles the actions that mean something else in a thread; nil lets the list handle it.
    mutating func performInThread(_ action: Action) -> [Effect]? {
        guard case .thread(var t) = screen else { return nil }
        switch action {
        case .nextConversation: return stepConversation(by: 1)
        case .previousConversation: return stepConversation(by: -1)
        default: break
        }
        let page = max(1, layout.threadHeight - 1)
        let maxScroll = ThreadLayout.maxScroll(t, state: self)
        switch action {
        case .moveDown: t.scroll = min(maxScroll, t.scroll + 1)
        case .moveUp: t.scroll = max(0, t.scroll - 1)
        case .pageDown: t.scroll = min(maxScroll, t.scroll + page)
        case .pageUp: t.scroll = max(0, t.scroll - page)
        case .top: t.scroll = 0
        case .bottom: t.scroll = maxScroll
        case .toggleSidebar:
            let shown = layout.showsSidebarBeside(override: t.sidebarOverride)
                || layout.showsSidebarInstead(override: t.sidebarOverride)
            t.sidebarOverride = !shown
            t.wrap(toWidth: ThreadLayout.textWidth(t, state: self))
            screen = .thread(t)
            t.scroll = min(t.scroll, ThreadLayout.maxScroll(t, state: self))
        default: return nil
        }
        screen = .thread(t)
        return []
    }

    mutating func threadLoaded(_ data: ThreadData) {
        guard case .thread(var t) = screen, t.conversationID == data.conversation.id else { return }
        let wasAtEnd = t.scroll >= ThreadLayout.maxScroll(t, state: self)
        let showNewest = !t.loaded || (wasAtEnd && data.messages.count != t.messages.count)
        t.conversation = data.conversation
        t.messages = data.messages
        t.profile = data.profile
        if let outbox = data.outbox {
            t.outbox = outbox
            // A reply of this session no longer in the outbox's unfinished list has gone out (sync, another inbox).
            for message in data.messages where compose.deliveries[message.id] != nil && outbox[message.id] == nil {
                compose.deliveries[message.id] = .sent
            }
        }
        t.loaded = true
        t.wrap(toWidth: ThreadLayout.textWidth(t, state: self))
        if showNewest {
            // Show the newest message from its first line (or as much as fits).
            t.scroll = min(ThreadLayout.maxScroll(t, state: self), ThreadLayout.lastMessageStart(t, state: self))
        } else {
            t.scroll = min(t.scroll, ThreadLayout.maxScroll(t, state: self))
        }
        screen = .thread(t)
    }
}
