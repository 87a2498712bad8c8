/// How many terminal columns text takes, without asking the C library (whose answer
/// depends on the process locale). Tables come from `WidthTable`, generated from Unicode data.
public enum DisplayWidth {
    /// Columns taken by one code point on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if contains(WidthTable.zero, v) { return 0 }
        return contains(WidthTable.wide, v) ? 2 : 1
    }

    /// Columns taken by one grapheme (a base with its combining marks, or an emoji sequence).
    ///
    /// The base decides; an emoji presentation selector (U+FE0F), a regional-indicator pair
    /// or a zero-width-joiner sequence makes it two columns, as emoji are drawn.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var base = of(first)
        var sawBase = base > 0
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0F, 0x200D: return 2
            case 0x1F1E6...0x1F1FF where first.value >= 0x1F1E6 && first.value <= 0x1F1FF: return 2
            default:
                // A grapheme that starts with a zero-width code point (e.g. a prepended mark)
                // takes the width of the first code point that has one.
                if !sawBase { base = of(scalar); sawBase = base > 0 }
            }
        }
        return base
    }

    /// Columns taken by a string, grapheme by grapheme.
    public static func of(_ text: String) -> Int {
        // Printable ASCII (most mail lines): one column per byte, without walking graphemes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Binary search in a flat table of inclusive [first, last] pairs.
    private static func contains(_ table: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0, hi = table.count / 2 - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[2 * mid] { hi = mid - 1 }
            else if v > table[2 * mid + 1] { lo = mid + 1 }
            else { return true }
        }
        return false
    }
}
