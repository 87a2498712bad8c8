import Foundation
import RapportCore

/// Everything the inbox keeps about composing: the open composer, a composer waiting for its
/// conversation to load, the policy limits, and replies whose delivery is still to be reported.
public struct ComposeState: Sendable {
    public var composer: Composer?
    /// `r` or `n` pressed before the conversation (and its customer) had loaded.
    public var pending: PendingCompose?
    /// The reply policy's limits, from the config file.
    public var limits: PolicyLimits = .standard
    /// `[mail] legal_footer`: shown under a reply's text as it will be sent (added at send time, never checked).
    public var legalFooter: String?
    /// Outbox items queued from this inbox whose delivery is still to be reported, by outbox id.
    public var awaitingDelivery: [Int64: AwaitingDelivery] = [:]
    /// How the replies sent from this inbox fared, by message, shown on their row in the thread.
    public var deliveries: [MessageRowID: DeliveryMark] = [:]

    public init() {}
}

/// A queued reply whose delivery is to be reported.
public struct AwaitingDelivery: Sendable, Hashable {
    public var customerName: String
    public var messageRowID: MessageRowID
    /// "Reply", or "Message" for one that starts the exchange (see `Composer.noun`).
    public var noun = "Reply"
}

/// Where a reply sent from this inbox is on its way out.
public enum DeliveryMark: Sendable, Hashable {
    case queued
    case sent
    case failed(String)

    /// What the thread shows after "Sam to dana@…".
    public var label: String {
        switch self {
        case .queued: "queued"
        case .sent: "sent"
        case .failed(let reason): "✗ not delivered: \(reason) (D: retry or mark as sent)"
        }
    }
}

/// A composer to open as soon as its conversation has loaded.
public struct PendingCompose: Sendable, Hashable {
    public var conversationID: ConversationID
    public var kind: DraftKind
}

/// A question the composer asks before doing something that cannot be undone.
public enum ComposerConfirmation: Sendable, Hashable {
    /// New messages reached the conversation while composing: send anyway?
    case sendDespiteNewMessages
    /// Throw the draft away?
    case discard
}

/// Where the draft stands with the store, shown in the composer's title.
public enum DraftSaveState: Sendable, Hashable {
    /// Nothing typed since the draft was opened.
    case clean
    /// Changes not yet written; the next tick or mode change writes them.
    case unsaved
    /// Handed to the runner; `.draftSaved` confirms it.
    case saving
    /// Written to the store.
    case saved
}

/// The open reply or note editor: its text, the customer it is for, the policy's verdict,
/// and what arrived in the conversation while it was open.
public struct Composer: Sendable, Equatable {
    public var conversationID: ConversationID
    public var kind: DraftKind
    public var editor: EditorBuffer
    /// The customer the reply is checked against (kept up to date from the thread's profile).
    public var customer: Customer
    /// The draft has been read from the store; until then keys are ignored.
    public var loaded = false
    public var violations: [Violation] = []
    /// The text changed since `violations` were computed.
    var stale = false
    public var saveState: DraftSaveState = .clean
    /// First visual row of the editor on screen.
    public var scroll = 0
    /// Messages up to this id were in the conversation when composing started (or were confirmed).
    public var seenUpTo: MessageRowID
    /// Messages that reached the conversation while composing, not yet confirmed by a send.
    public var unseen: [Message] = []
    public var confirmation: ComposerConfirmation?
    public var picker: TemplatePicker?
    /// A template's `[[…]]` slot the cursor was put on: the next text typed replaces it (Backspace or
    /// Delete removes it); any other key leaves it as text, which the policy's `slot` rule still catches.
    public var slot: Range<Int>?
    /// The reply or note is on its way to the store; keys wait.
    public var sending = false
    /// For drafts Rapport prepared: when they are due (kept when the draft is saved again).
    public var due: Date?
    /// The customer has written in the conversation, so this answers them; false for a first message
    /// (a heads-up, a thank-you, a new conversation), which is not called a reply.
    public var answersCustomer = true
    /// Where the reply goes, as `Replies` decides it (nil until read, or when there is no one to answer).
    public var recipients: ReplyRecipients?
    /// Why the reply cannot go anywhere (a customer reachable only at a no-reply address).
    public var recipientsProblem: String?
    /// Copy the people the customer copied (Ctrl-R turns it off and on).
    public var replyAll = true
    /// Files attached with Ctrl-O (a reply only), kept with the draft.
    public var attachments: [DraftAttachment] = []
    /// Ctrl-G: once the reply is queued, the conversation leaves the views for this many days and
    /// comes back unless the customer answers first (nil: no reminder).
    public var remindDays: Int?
    /// The choices Ctrl-G goes through, after "no reminder".
    public static let reminderChoices = [3, 7, 14]

    /// Ctrl-G: no reminder → 3 → 7 → 14 days → no reminder.
    mutating func nextReminder() {
        let cycle: [Int?] = [nil] + Self.reminderChoices
        remindDays = cycle[((cycle.firstIndex(of: remindDays) ?? 0) + 1) % cycle.count]
    }
    /// Set when this agent answers for the customer's away owner: what the reply must tell them.
    public var cover: CoverNote?

    public init(conversationID: ConversationID, kind: DraftKind, customer: Customer, seenUpTo: MessageRowID,
                editor: EditorBuffer = EditorBuffer()) {
        self.conversationID = conversationID
        self.kind = kind
        self.customer = customer
        self.seenUpTo = seenUpTo
        self.editor = editor
    }

    public var text: String { editor.text }
    /// What the title and the status line call a reply: "Reply" when it answers the customer, else "Message".
    public var noun: String { kind == .note ? "Note" : answersCustomer ? "Reply" : "Message" }
    public var isBlank: Bool { editor.text.allSatisfy(\.isWhitespace) }
    public var blocking: [Violation] { violations.filter(\.blocks) }

    /// Runs the reply policy again when the text changed; notes and empty drafts have no violations.
    mutating func recheck(agent: Agent, limits: PolicyLimits) {
        stale = false
        guard kind == .reply, !isBlank else { violations = []; return }
        violations = ReplyPolicy.check(text, customer: customer, agent: agent, isExisting: customer.isExisting,
                                       limits: limits, cover: cover)
    }

    /// Marks an edit: the text must be checked again and saved.
    mutating func edited() {
        stale = true
        saveState = .unsaved
    }

    /// The draft as the store keeps it.
    func draft(agent: String, at now: Date) -> Draft {
        Draft(conversationID: conversationID, agent: agent, kind: kind, text: text, cursor: editor.cursor,
              updated: now, due: due, attachments: attachments)
    }
}

/// What delivery in the background reported, for the replies this inbox queued.
public struct DeliveryResult: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var outboxID: Int64
        public var to: String
        /// nil when it was delivered.
        public var error: String?

        public init(outboxID: Int64, to: String, error: String?) {
            self.outboxID = outboxID
            self.to = to
            self.error = error
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}
