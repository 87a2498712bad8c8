import Foundation

/// Right-aligned numbers in the plain-text tables of `stats` and `headsup status`.
extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
