import RapportCore

/// A one-line text input in the message row.
public struct Prompt: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case search
        case handoffNote(PendingAssignment)
        /// The subject of a new conversation with this customer (`m`); the composer follows.
        case newSubject(Customer)
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
        case .awayUntil: "Back on: "
        case .back: "Back now? "
        }
    }

    /// What the prompt is about, in a few words.
    public var context: String {
        switch purpose {
        case .search: return "Search subjects and texts (Enter: search, Esc: cancel)"
        case .newSubject(let c): return "New message to \(c.fullName) (Enter: write it, Esc: cancel)"
        case .awayUntil: return "The day you are back, YYYY-MM-DD (Enter: choose who covers, Esc: cancel)"
        case .back(_, let name): return "You are away, \(name) covers (Enter: I am back, Esc: stay away)"
        case .handoffNote(let pending):
            let handovers = pending.handovers
            if handovers.count == 1, let t = handovers.first {
                return "\(t.customerName): \(t.ownerName ?? "?") → \(pending.to.firstName)"
            }
            return "\(handovers.count) customers → \(pending.to.firstName)"
        }
    }

    /// The words before the input.
    public var label: String {
        switch purpose {
        case .search:
            return "Search: "
        case .newSubject(let c):
            return "Subject of a new conversation with \(c.fullName): "
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
