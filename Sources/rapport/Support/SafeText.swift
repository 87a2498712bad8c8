import RapportTUI

/// Customer text printed by the CLI goes through the inbox's sanitiser: no escape sequence,
/// bidi override or other control from a message can steer the user's terminal.
enum SafeText {
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines && (scalar == "\n" || scalar == "\t") { out.append(scalar); continue }
            out.append(DisplaySafety.replacement(for: scalar) ?? scalar)
        }
        return String(out)
    }
}
