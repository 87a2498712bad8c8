import Foundation

/// The adjustable numbers of the reply policy; they come from the config file.
public struct PolicyLimits: Sendable, Hashable, Codable {
    /// Most words allowed between the greeting and the sign-off of a reply to an existing customer.
    public var maxWords: Int

    public init(maxWords: Int = 120) {
        self.maxWords = maxWords
    }

    public static let standard = PolicyLimits()
}
