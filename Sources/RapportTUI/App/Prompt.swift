import RapportCore

/// A one-line text input in the message row.
public struct Prompt: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case search
        case handoffNote(PendingAssignment)
        /// The subject of a new conversation with this customer (`m`); the composer follows.
        case newSubject(Customer)
        /// Until when to snooze this conversation (`z`).
        case snooze(ConversationID, name: String)
        /// Which attachment of the thread to save or open, by its number.
        case attachment(open: Bool, count: Int)
        /// The customer's first name, then their last name (`e` on their page, which comes back after).
        case firstName(CustomerPageState)
        case lastName(CustomerPageState, first: String)
        /// Merging a likely duplicate into the customer of the page (`M`): the handoff note, needed
        /// when the duplicate has another owner.
        case mergeNote(CustomerPageState, from: Customer)
        /// A file to attach to the reply being written (Ctrl-O in the composer).
        case attachFile(ConversationID)
        /// Another address of the customer of the page (`+`), or one to take off them (`-`).
        case addAddress(CustomerPageState)
        case removeAddress(CustomerPageState)
        /// `A`: the day this agent is back (YYYY-MM-DD); the agent picker for the coverer follows.
        case awayUntil
        /// `A` while away: Enter ends the absence. The coverer's first name, for the question.
        case back(Absence, coverName: String)
    }

    public var purpose: Purpose
    public var input: LineInput
    public var text: String { input.text }

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        input = LineInput(text)
    }

    /// The label for narrow terminals; `context` then says the rest on the status row.
    public var shortLabel: String {
        switch purpose {
        case .search: "Search: "
        case .handoffNote: "Handoff note: "
        case .newSubject: "Subject: "
        case .snooze: "Snooze until: "
        case .attachment(let open, _): open ? "Open attachment: " : "Save attachment: "
        case .firstName: "First name: "
        case .lastName: "Last name: "
        case .mergeNote: "Merge, note: "
        case .attachFile: "Attach: "
        case .addAddress: "Add address: "
        case .removeAddress: "Remove address: "
        case .awayUntil: "Back on: "
        case .back: "Back now? "
        }
    }

    /// What the prompt is about, in a few words.
    public var context: String {
        switch purpose {
        case .search: return "Search texts, customers' names and addresses (Enter: search, Esc: cancel)"
        case .newSubject(let c): return "New message to \(c.fullName) (Enter: write it, Esc: cancel)"
        case .snooze(_, let name): return "Snooze \(name): \(Self.snoozeChoices)"
        case .attachment(_, let count): return "Attachments 1–\(count) (Enter: this one, Esc: cancel)"
        case .firstName, .lastName: return "The customer's name as they give it (Enter: next, Esc: cancel)"
        case .mergeNote(_, let from):
            return "Merge \(from.fullName) <\(from.primaryEmail)> into this customer (Enter: merge, Esc: cancel)"
        case .awayUntil: return "The day you are back, YYYY-MM-DD (Enter: choose who covers, Esc: cancel)"
        case .attachFile: return "A file's path; Tab completes it (Enter: attach, Esc: cancel)"
        case .addAddress: return "Mail from it will file under this customer (Enter: add, Esc: cancel)"
        case .removeAddress(let page):
            return "Their addresses: " + (page.page?.customer.addresses.joined(separator: ", ") ?? "") + " (Enter: remove, Esc: cancel)"
        case .back(_, let name): return "You are away, \(name) covers (Enter: I am back, Esc: stay away)"
        case .handoffNote(let pending):
            let handovers = pending.handovers
            if handovers.count == 1, let t = handovers.first {
                return "\(t.customerName): \(t.ownerName ?? "?") → \(pending.to.firstName)"
            }
            return "\(handovers.count) customers → \(pending.to.firstName)"
        }
    }

    /// The presets by number, and what else may be typed.
    static let snoozeChoices = SnoozeTime.Preset.allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: " · ")
        + " · or 3d, 2026-12-24 09:00"

    /// The words before the input.
    public var label: String {
        switch purpose {
        case .search:
            return "Search: "
        case .newSubject(let c):
            return "Subject of a new conversation with \(c.fullName): "
        case .snooze(_, let name):
            return "Snooze \(name) until (\(Self.snoozeChoices)): "
        case .attachment(let open, let count):
            return "\(open ? "Open" : "Save") which attachment (1–\(count))? "
        case .firstName:
            return "First name: "
        case .lastName(_, let first):
            return "Last name (of \(first)): "
        case .mergeNote(_, let from):
            return from.owner == nil ? "Merge note (optional): " : "Handoff note (\(from.fullName) is \(from.owner!)'s): "
        case .attachFile:
            return "Attach the file (Tab completes): "
        case .addAddress:
            return "Another address of this customer: "
        case .removeAddress:
            return "Address to remove: "
        case .awayUntil:
            return "Away: the day you are back (YYYY-MM-DD): "
        case .back(_, let name):
            return "You are away (\(name) covers). Back now? Enter: yes, Esc: no "
        case .handoffNote(let pending):
            let handovers = pending.handovers
            if handovers.count == 1, let t = handovers.first {
                return "Handoff note (\(t.customerName) from \(t.ownerName ?? "?")): "
            }
            return "Handoff note (\(handovers.count) customers from their owners): "
        }
    }
}
