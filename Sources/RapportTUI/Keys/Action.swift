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
    /// Show a conversation unread again (`U`); from a thread, also back to the list.
    case markUnread
    /// List one agent's open and pending conversations (`o`, then the agent picker).
    case listOwner
    /// Snooze the conversation until a time (`z`): a prompt with presets.
    case snooze
    /// Save an attachment of the open thread to the downloads folder (`S`), or open it (`O`).
    case saveAttachment, openAttachment
    /// From a thread, the next / previous conversation of the list (`J` / `K`).
    case nextConversation, previousConversation
    /// The composer (reply, note) and the referral picker.
    case reply, note, recordReferral
    /// Start a new conversation with a customer (`m`): pick them, type a subject, then the composer.
    case newMessage
    /// This agent's own absence (`A`): the day they are back and who covers, or back now.
    case away
    /// A reply that did not go out: choose (`D`), then send it again or record that it went out.
    case decideDelivery, retryDelivery, markDelivered
    /// The customer's page (`c`); inside it, their name (`e`).
    case openCustomer, editName
    /// On the customer's page: merge the likely duplicate into them (`M`).
    case mergeDuplicate
    /// `+` / `-` on the customer's page: another address of theirs, or one to take off them.
    case addAddress, removeAddress
    /// While search results are shown: the next / previous result (`n` / `N`).
    case nextResult, previousResult
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
    /// While search results are shown, in the list and in a conversation opened from them; ahead of
    /// `.list` and `.thread`.
    case searchResults
    /// The customer's page (`c`).
    case customer

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
        case .searchResults: "Search results (list and thread)"
        case .customer: "The customer's page (after c)"
        }
    }
}
