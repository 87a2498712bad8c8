import Foundation

/// A place a template leaves for the writer, written `[[what went wrong]]`. Mustache passes it through;
/// the composer puts the cursor on the first one after inserting a template (the first key typed
/// replaces it), and the reply policy refuses to send while one is left (rule `slot`).
public struct TemplateSlot: Sendable, Hashable {
    /// Character offsets of the whole slot, brackets included, in the text it was found in.
    public var range: Range<Int>
    /// What the slot asks for ("what went wrong"); may be empty (`[[]]`).
    public var label: String
    /// 1-based line of the text the slot starts on.
    public var line: Int

    public static let open = "[[", close = "]]"
    /// Longer runs between brackets are not slots (a pasted wiki link, code), so they never block.
    static let maxLabel = 80

    /// The slots of `text`, in order. A slot lies within one line.
    public static func all(in text: String) -> [TemplateSlot] {
        var slots: [TemplateSlot] = []
        let chars = Array(text)
        var line = 1, i = 0
        while i < chars.count {
            if chars[i] == "\n" { line += 1; i += 1; continue }
            guard chars[i] == "[", i + 1 < chars.count, chars[i + 1] == "[" else { i += 1; continue }
            var j = i + 2
            while j < chars.count, j - i - 2 <= maxLabel, chars[j] != "\n", chars[j] != "[", chars[j] != "]" { j += 1 }
            if j + 1 < chars.count, chars[j] == "]", chars[j + 1] == "]", j - i - 2 <= maxLabel {
                let label = String(chars[(i + 2)..<j]).trimmingCharacters(in: .whitespaces)
                slots.append(TemplateSlot(range: i..<(j + 2), label: label, line: line))
                i = j + 2
            } else {
                i += 1
            }
        }
        return slots
    }
}
