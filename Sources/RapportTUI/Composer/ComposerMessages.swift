import Foundation
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
    /// A file passed the checks and is attached to the draft.
    case attached(ConversationID, DraftAttachment)
    /// The path typed so far in the attach prompt, completed as far as it is unambiguous, and the
    /// names it could go on with (shown when there are several).
    case pathCompleted(typed: String, completed: String, candidates: [String])
    /// The queued reply's reminder is set: the conversation is back in the views at `until` unless the customer answers.
    case reminderSet(ConversationID, until: Date)
    /// The store refused the reply or note; the draft stays.
    case sendFailed(ConversationID, reason: String)
    /// The text as the external editor left it.
    case edited(ConversationID, text: String)
    case externalEditFailed(ConversationID, reason: String)
    /// The templates suitable for the customer, rendered; and files that could not be used.
    case templatesRendered(ConversationID, [RenderedTemplate], problems: [String])
    /// Background delivery finished a run.
    case delivered(DeliveryResult)
    /// A new, empty conversation was opened (`m`): its composer opens next.
    case conversationStarted(ConversationID)
    /// Where a reply would go (To, and Cc with reply-all), or why it cannot go anywhere.
    case recipientsLoaded(ConversationID, ReplyRecipients?, problem: String?)
    /// A person's decision about an undelivered reply was recorded (`error` nil) or refused.
    case deliveryDecided(outboxID: Int64, DeliveryDecision, error: String?)
}

/// Work the composer asks of the effect runner (wrapped in `Effect.composer`).
public enum ComposerEffect: Sendable, Hashable {
    /// The draft, and where a reply would go (`.draftLoaded`, then `.recipientsLoaded`).
    case loadDraft(ConversationID)
    case saveDraft(Draft)
    case deleteDraft(ConversationID)
    /// Store the reply as an outbound message, queue it, and remove the draft; with `replyAll` the
    /// people the customer copied are copied again.
    case sendReply(ConversationID, text: String, replyAll: Bool = true, attachments: [DraftAttachment] = [])
    /// Check a file to attach after `current` (answered by `.attached`, or `.failed` with the reason).
    case attachFile(ConversationID, path: String, current: [DraftAttachment])
    /// Complete a path typed in the attach prompt (answered by `.pathCompleted`).
    case completePath(String)
    /// Where a reply would go, read again (the customer wrote while composing); `.recipientsLoaded`.
    case loadRecipients(ConversationID)
    /// Snooze the conversation for `days` after a reply, ended by the customer's answer (answered by `.reminderSet`).
    case remindIfNoReply(ConversationID, days: Int)
    /// Store an internal note and remove the draft.
    case addNote(ConversationID, text: String)
    /// Deliver the outbox in the background; the result comes back as `.delivered`.
    case deliverOutbox
    /// Record a person's decision about an undelivered reply (answered by `.deliveryDecided`).
    case decideDelivery(outboxID: Int64, DeliveryDecision)
    /// Suspend the screen, hand the text to $VISUAL / $EDITOR, and come back with `.edited`.
    case editExternally(ConversationID, text: String)
    case renderTemplates(ConversationID)
    /// Open a new conversation with a customer I look after (answered by `.conversationStarted`).
    case startConversation(CustomerID, subject: String)
}
