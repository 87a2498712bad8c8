/// What the terminal is sent for one grapheme of the frame, so that ncurses, the terminal and our
/// cell grid agree on its columns.
///
/// ncurses places one spacing character per cell and counts columns with wcwidth; a ZWJ emoji
/// sequence (a family: four emoji joined) or a flag (two regional indicators) has several. Sent as
/// it was — the base and its zero-width followers, ZWJ included — the ZWJ joined whatever came next
/// on the line, the sidebar separator moved a column and stale pieces stayed on later screens. Such
/// a grapheme is drawn as a stand-in that takes exactly its two columns: a flag as its country code
/// ("DE"), a ZWJ sequence as its first emoji (or U+FFFD when ncurses counts that one column).
/// Pure: the terminal's `wcwidth` is passed in.
enum CellGlyph {
    static let zeroWidthJoiner: UInt32 = 0x200D
    static let emojiPresentation: UInt32 = 0xFE0F

    /// The scalars for the grapheme's (left) cell: a spacing character and at most four zero-width ones.
    static func lead(_ grapheme: Character, width: (UInt32) -> Int32) -> [UInt32] {
        let scalars = grapheme.unicodeScalars.map(\.value)
        guard let first = scalars.first else { return [32] }
        if let code = countryCode(scalars) { return [code.0] }
        if scalars.contains(zeroWidthJoiner) { return [width(first) == 2 ? first : 0xFFFD] }
        var lead = [first]
        for scalar in scalars.dropFirst() {
            guard lead.count < 5, width(scalar) == 0 else { break }
            // A presentation selector would make the terminal draw two columns where ncurses counts one.
            if scalar == emojiPresentation && width(first) != 2 { continue }
            lead.append(scalar)
        }
        return lead
    }

    /// What the right column of a two-column grapheme is sent: nil when ncurses fills it itself
    /// (it counts the lead as two columns), else the second letter of a flag or a space.
    static func trail(_ grapheme: Character, width: (UInt32) -> Int32) -> [UInt32]? {
        let scalars = grapheme.unicodeScalars.map(\.value)
        if let code = countryCode(scalars) { return [code.1] }
        // The lead is the first scalar, or U+FFFD (one column) exactly when that one is not two columns.
        guard let first = scalars.first, width(first) == 2 else { return [32] }
        return nil
    }

    /// "DE" for 🇩🇪: regional indicators are the letters A–Z from U+1F1E6.
    static func countryCode(_ scalars: [UInt32]) -> (UInt32, UInt32)? {
        let indicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
        guard scalars.count == 2, indicators.contains(scalars[0]), indicators.contains(scalars[1]) else { return nil }
        return (scalars[0] - 0x1F1E6 + 65, scalars[1] - 0x1F1E6 + 65)
    }
}
