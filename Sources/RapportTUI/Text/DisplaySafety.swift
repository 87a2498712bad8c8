/// Makes text from customers safe to draw: nothing in it may steer the terminal.
///
/// C0 controls (including ESC) and DEL become their Unicode Control Picture (`␛`, `␀`, `␡`),
/// so an agent can see exactly what was sent; C1 controls (including the one-byte CSI 0x9B
/// and OSC 0x9D), bidi overrides and isolates, direction marks, U+061C, the line and
/// paragraph separators, U+FEFF and the soft hyphen become U+FFFD `�`. Every other
/// character is kept. Stored text is never changed: this runs only on the way to the screen.
public enum DisplaySafety {
    /// The placeholder for characters that have no Control Picture.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// The text with every dangerous code point replaced by a visible placeholder.
    public static func sanitised(_ text: String) -> String {
        // Fast paths: most text has nothing to replace. Every code point replaced below is a
        // control byte or starts with one of the lead bytes C2, D8, E2 or EF in UTF-8.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 || $0 == 0xEF }) {
            return text
        }
        if !text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(replacement(for: scalar) ?? scalar) }
        return String(out)
    }

    /// Whether a code point must not reach the terminal.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { replacement(for: scalar) != nil }

    /// What to draw instead of `scalar`, or nil when it is safe as it is.
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)   // ␀ … ␟ (␛ for ESC)
        case 0x7F: return "\u{2421}"                                       // ␡
        case 0x80...0x9F,                 // C1, including CSI (0x9B) and OSC (0x9D)
             0xAD,                        // soft hyphen: invisible, yet some terminals draw it
             0x061C,                      // Arabic letter mark
             0x200E, 0x200F,              // left-to-right / right-to-left marks
             0x2028, 0x2029,              // line and paragraph separators
             0x202A...0x202E,             // bidi embeddings and overrides
             0x2066...0x2069,             // bidi isolates
             0xFEFF:                      // byte order mark / zero-width no-break space
            return placeholder
        default: return nil
        }
    }
}
