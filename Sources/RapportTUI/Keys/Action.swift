/// Something a key can ask for. Keys map to actions through `KeyMap`; `update` handles actions.
public enum Action: Sendable, Hashable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open, back, quit
    case nextView, previousView
    case showView(InboxView)
    case assign, take, toggleMark, cycleStatus
    /// Take back the last status change or assignment of this session, within a minute.
    case undo
    case search, help, redraw, suspend
    case toggleSidebar
    /// The composer (reply, note) and the referral picker.
    case reply, note, recordReferral
    /// Start a new conversation with a customer (`m`): pick them, type a subject, then the composer.
    case newMessage
    /// This agent's own absence (`A`): the day they are back and who covers, or back now.
    case away
    /// A reply that did not go out: choose (`D`), then send it again or record that it went out.
    case decideDelivery, retryDelivery, markDelivered
    // Inside the pickers and the line prompts.
    case confirm, cancel
    /// Editing the line typed into a picker or prompt (see `LineInput`).
    case edit(LineEdit)
    /// Inside the composer (see `ComposerAction`).
    case composer(ComposerAction)
}

/// Where a binding applies. The list and search results share `.list`.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case list, thread, picker, prompt, help
    /// The question `D` asks about a reply that did not go out.
    case delivery
    /// The reply and note editor, and its template picker.
    case composer, templates

    /// Heading of the context's section in the help overlay.
    public var title: String {
        switch self {
        case .list: "List"
        case .thread: "Conversation"
        case .picker: "Pickers (agent, referrer)"
        case .prompt: "Line prompts (search, handoff note)"
        case .help: "Help"
        case .delivery: "A reply that did not go out (after D)"
        case .composer: "Composer (reply or internal note)"
        case .templates: "Template picker"
        }
    }
}
