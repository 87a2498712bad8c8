import Foundation

/// Everything about one customer, for their page in the inbox and `rapport customer show`: the
/// sidebar's profile, every conversation, the whole assignment log, and who may be the same person.
public struct CustomerPage: Sendable, Hashable {
    public var profile: CustomerProfile
    /// Newest first.
    public var conversations: [CustomerConversation]
    /// Oldest first, with the handoff notes.
    public var assignments: [Assignment]
    /// Other records with the same name (see `CustomerMerge.likelyDuplicates`).
    public var likelyDuplicates: [Customer]

    public init(profile: CustomerProfile, conversations: [CustomerConversation], assignments: [Assignment],
                likelyDuplicates: [Customer]) {
        self.profile = profile
        self.conversations = conversations
        self.assignments = assignments
        self.likelyDuplicates = likelyDuplicates
    }

    public var customer: Customer { profile.customer }
}
