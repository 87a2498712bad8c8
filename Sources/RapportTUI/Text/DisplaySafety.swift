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
        // Fast path: most text has nothing to replace, which its UTF-8 bytes tell.
        var copy = text
        if !copy.withUTF8(mayNeedReplacing) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(replacement(for: scalar) ?? scalar) }
        return String(out)
    }

    /// Whether UTF-8 `bytes` hold a code point that `replacement(for:)` replaces (exactly: the
    /// encodings of the code points listed there, looked for byte by byte).
    static func mayNeedReplacing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return true }
            if b >= 0xC2 {
                let c = i + 1 < n ? bytes[i + 1] : 0, d = i + 2 < n ? bytes[i + 2] : 0
                switch b {
                case 0xC2 where c <= 0x9F || c == 0xAD: return true            // C1 controls, soft hyphen
                case 0xD8 where c == 0x9C: return true                          // U+061C
                case 0xE2 where c == 0x80 && (d == 0x8E || d == 0x8F || (0xA8...0xAE).contains(d)): return true
                case 0xE2 where c == 0x81 && (0xA6...0xA9).contains(d): return true   // bidi isolates
                case 0xEF where c == 0xBB && d == 0xBF: return true             // U+FEFF
                default: break
                }
            }
            i += 1
        }
        return false
    }


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
