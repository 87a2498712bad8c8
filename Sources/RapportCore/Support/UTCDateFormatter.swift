import Foundation

extension DateFormatter {
    /// A formatter writing `format` in UTC, with `locale`'s names: for calendar days ("14 March 2026")
    /// and mail header dates, which must not move with the machine's zone.
    public static func utc(_ format: String, locale: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
