import Foundation

/// Recognises addresses nobody reads ("noreply@", "do-not-reply@"…). Rapport refuses them
/// everywhere: every message must come from a person the customer can answer.
public enum NoReplyAddress {
    /// Same detector as the reply policy's `noreply` rule (`NoReply.isNoReplyAddress`), so that
    /// agents, outbound mail and drafts agree on what counts.
    public static func matches(_ address: String) -> Bool {
        NoReply.isNoReplyAddress(address)
    }
}

/// Minimal address checks shared by the CLI, the store and import.
public enum EmailAddress {
    /// One '@' with something on each side and no spaces: enough to catch typos, not RFC 5322.
    public static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// Lower-cased, trimmed form used for lookups.
    public static func normalized(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
