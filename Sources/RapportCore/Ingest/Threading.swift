import Foundation

/// Which conversation a message belongs to.
///
/// Headers first: In-Reply-To, then References newest first (each once, at most
/// `referenceLimit`), the first one that names a message of the same customer. Else the same
/// customer's conversation with the same normalised subject, active within `window` of the
/// message's date (either side: mail is not always read in the order it was sent). Else a new
/// conversation. A conversation of another customer is never joined, whatever the headers say.
public struct Threading: Sendable, Hashable {
    /// A message further than this from a conversation's last activity starts a new one
    /// (unless its headers say otherwise).
    public var window: TimeInterval

    /// References beyond these are not followed: a long chain's newest entries decide anyway.
    public static let referenceLimit = 50
    /// What a conversation without a subject is called.
    public static let noSubject = "(no subject)"

    public init(window: TimeInterval = 30 * 24 * 3600) {
        self.window = window
    }

    /// The conversation chosen for a message.
    public enum Decision: Sendable, Hashable {
        case existing(ConversationID)
        /// A new conversation with this subject (and its normalised form, for later threading).
        case new(subject: String, normalizedSubject: String)
    }

    /// Message-IDs to look for, in order: In-Reply-To, then References newest first, each once.
    public static func referenced(inReplyTo: String?, references: [String]) -> [String] {
        Array(ReferenceOrder(inReplyTo: inReplyTo, references: references))
    }

    /// The order of `referenced`, one Message-ID at a time: the first usually finds the conversation,
    /// so `place` stops there instead of listing (and hashing) a long thread's every reference.
    struct ReferenceOrder: Sequence, IteratorProtocol {
        private var inReplyTo: String?
        private var older: ReversedCollection<[String]>.Iterator
        private var given: [String] = []

        init(inReplyTo: String?, references: [String]) {
            self.inReplyTo = inReplyTo
            older = references.reversed().makeIterator()
        }

        mutating func next() -> String? {
            while given.count < Threading.referenceLimit {
                let candidate: String
                if let first = inReplyTo {
                    inReplyTo = nil
                    candidate = first
                } else if let reference = older.next() {
                    candidate = reference
                } else {
                    return nil
                }
                guard !given.contains(candidate) else { continue }
                given.append(candidate)
                return candidate
            }
            return nil
        }
    }

    /// The subject a conversation is given, and its normalised form.
    public static func subject(_ raw: String) -> (subject: String, normalized: String) {
        let subject = raw.isEmpty ? noSubject : raw
        return (subject, Subject.normalized(subject))
    }

    /// Last activity (seconds since 1970) close enough to `date` to join by subject.
    public func activity(around date: Date) -> ClosedRange<TimeInterval> {
        let at = date.timeIntervalSince1970
        return (at - window)...(at + window)
    }

    /// Decides for a message of `customer` (nil for a customer met only now, who has no conversation yet).
    public func place(_ mail: IncomingMail, customer: CustomerID?, facts: some IngestFacts) throws -> Decision {
        if let customer {
            for reference in ReferenceOrder(inReplyTo: mail.inReplyTo, references: mail.references) {
                if let id = try facts.conversation(of: customer, holding: reference) { return .existing(id) }
            }
        }
        // Normalised only now: most replies thread by their headers, and normalising a subject
        // costs more than the lookups that found their conversation.
        let (subject, normalized) = Self.subject(mail.subject)
        if let customer, let id = try facts.conversation(of: customer, normalizedSubject: normalized,
                                                         activeIn: activity(around: mail.date)) {
            return .existing(id)
        }
        return .new(subject: subject, normalizedSubject: normalized)
    }
}
