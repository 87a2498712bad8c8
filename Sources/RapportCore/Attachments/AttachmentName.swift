import Foundation

/// The file name an attachment is saved under: the sender chose it, so it is made safe first —
/// no path separators (it stays in the folder chosen), no control or invisible characters, no leading
/// dots (hidden files, `..`) or dashes (read as options by the tools that open it), at most 200 bytes.
public enum AttachmentName {
    public static let maxBytes = 200

    /// A safe name for attachment `number` (1-based) of a message, from the name it came with.
    public static func safe(_ name: String?, number: Int) -> String {
        var cleaned = String(String.UnicodeScalarView((name ?? "").unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "/" || scalar == "\\" || scalar == ":" { return "_" }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse: return "_"
            default: return scalar
            }
        }))
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        while let first = cleaned.first, first == "." || first == "-" || first == "_" || first == " " {
            cleaned.removeFirst()
        }
        while cleaned.utf8.count > maxBytes {
            // Cut before the extension, keeping it when it is short.
            let ext = (cleaned as NSString).pathExtension
            let stem = (cleaned as NSString).deletingPathExtension
            if !ext.isEmpty, ext.utf8.count < 16, stem.count > 1 {
                cleaned = String(stem.dropLast()) + "." + ext
            } else {
                cleaned.removeLast()
            }
        }
        return cleaned.isEmpty ? "attachment-\(number)" : cleaned
    }

    /// The names tried in turn so that nothing is overwritten: `a.pdf`, `a (2).pdf`, `a (3).pdf`, …
    public static func candidate(_ safe: String, attempt: Int) -> String {
        guard attempt > 1 else { return safe }
        let ext = (safe as NSString).pathExtension
        let stem = (safe as NSString).deletingPathExtension
        return ext.isEmpty || stem.isEmpty ? "\(safe) (\(attempt))" : "\(stem) (\(attempt)).\(ext)"
    }
}
