import Foundation

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
