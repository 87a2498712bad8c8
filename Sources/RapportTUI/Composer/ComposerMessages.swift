import RapportCore

/// Results the effect runner sends back for the composer (wrapped in `AppMsg.composer`).
public enum ComposerMsg: Sendable, Hashable {
    /// The stored draft of this agent for the conversation, if there is one.
    case draftLoaded(ConversationID, Draft?)
    case draftSaved(ConversationID)
    case draftSaveFailed(ConversationID, reason: String)
    /// The reply is stored as an outbound message and queued in the outbox.
    case replyQueued(ConversationID, OutboxItem)
    case noteAdded(ConversationID)
    /// The store refused the reply or note; the draft stays.
    case sendFailed(ConversationID, reason: String)
    /// The text as the external editor left it.
    case edited(ConversationID, text: String)
    case externalEditFailed(ConversationID, reason: String)
    /// The templates suitable for the customer, rendered; and files that could not be used.
    case templatesRendered(ConversationID, [RenderedTemplate], problems: [String])
    /// Background delivery finished a run.
    case delivered(DeliveryResult)
    /// A person's decision about an undelivered reply was recorded (`error` nil) or refused.
    case deliveryDecided(outboxID: Int64, DeliveryDecision, error: String?)
}

/// Work the composer asks of the effect runner (wrapped in `Effect.composer`).
public enum ComposerEffect: Sendable, Hashable {
    case loadDraft(ConversationID)
    case saveDraft(Draft)
    case deleteDraft(ConversationID)
    /// Store the reply as an outbound message, queue it, and remove the draft.
    case sendReply(ConversationID, text: String)
    /// Store an internal note and remove the draft.
    case addNote(ConversationID, text: String)
    /// Deliver the outbox in the background; the result comes back as `.delivered`.
    case deliverOutbox
    /// Record a person's decision about an undelivered reply (answered by `.deliveryDecided`).
    case decideDelivery(outboxID: Int64, DeliveryDecision)
    /// Suspend the screen, hand the text to $VISUAL / $EDITOR, and come back with `.edited`.
    case editExternally(ConversationID, text: String)
    case renderTemplates(ConversationID)
}
