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
        // What mail almost always holds: ASCII, nothing to trim. Lower-cased byte by byte (the same
        // result as `lowercased()` for ASCII); Foundation's trimming and case mapping cost ~5% of
        // an ingest's writer, which normalises the sender and recipients of every message.
        let utf8 = address.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F,
           !utf8.contains(where: { $0 >= 0x80 }) {
            guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return address }
            return String(decoding: utf8.map(ASCIIBytes.lowercased), as: UTF8.self)
        }
        return address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
