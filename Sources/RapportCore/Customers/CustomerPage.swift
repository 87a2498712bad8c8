import Foundation

/// Everything about one customer, for their page in the inbox and `rapport customer show`: the
/// sidebar's profile, every conversation, the whole assignment log, and who may be the same person.
public struct CustomerPage: Sendable, Hashable {
    public var profile: CustomerProfile
    /// Newest first.
    public var conversations: [CustomerConversation]
    /// Oldest first, with the handoff notes.
    public var assignments: [Assignment]

    public init(profile: CustomerProfile, conversations: [CustomerConversation], assignments: [Assignment]) {
        self.profile = profile
        self.conversations = conversations
        self.assignments = assignments
    }

    public var customer: Customer { profile.customer }
    /// Other records with the same name (see `CustomerMerge.likelyDuplicates`).
    public var likelyDuplicates: [Customer] { profile.likelyDuplicates }
}
