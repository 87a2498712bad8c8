import Foundation
import RapportCore

/// Ctrl-T in the composer: filtering the templates, choosing one, and where the cursor lands in it.
extension AppState {
    mutating func templateKey(_ key: Key) -> [Effect] {
        guard var c = compose.composer, var picker = c.picker else { return [] }
        let action = keyMap.action(for: key, in: .templates)
        switch action {
        case .cancel: c.picker = nil; compose.composer = c; return []
        case .redraw: return [.redraw]
        case .confirm:
            guard let choice = picker.selection else { return [] }
            let start: Int
            if c.isBlank {
                start = 0
                let hasSlots = !TemplateSlot.all(in: choice.text).isEmpty
                let placed = hasSlots ? (text: choice.text, cursor: choice.text.count) : Self.writingPlace(in: choice.text)
                c.editor.replaceText(placed.text, cursor: placed.cursor)
            } else {
                start = c.editor.cursor
                c.editor.insert(choice.text)
            }
            c.picker = nil
            c.edited()
            message = StatusMessage("Inserted \(choice.name)")
            // The first slot the template left: the cursor goes there, and typing replaces it.
            if let slot = TemplateSlot.all(in: c.editor.text).first(where: { $0.range.lowerBound >= start }) {
                c.editor.moveTo(slot.range.lowerBound)
                c.slot = slot.range
                let what = slot.label.isEmpty ? "the slot" : "“\(slot.label)”"
                message = StatusMessage("Inserted \(choice.name) — type \(what); every [[…]] must be filled before sending")
            }
            scrollComposerIn(&c)
            compose.composer = c
            return []
        default:
            guard picker.moveOrType(key, action, count: picker.matches.count) else { return [] }
        }
        c.picker = picker
        compose.composer = c
        return []
    }

    /// Where to start writing in a freshly inserted template: the middle of its first run of
    /// three or more blank lines ("write the answer in the middle"). A template that is only a
    /// greeting and a sign-off (rendering folds its blank lines into one) gets that room made
    /// between them. Otherwise the end of the text.
    static func writingPlace(in text: String) -> (text: String, cursor: Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isBlank = { (line: String) in line.allSatisfy(\.isWhitespace) }
        func offset(ofLine n: Int) -> Int { lines[..<n].reduce(0) { $0 + $1.count + 1 } }
        var i = 1
        while i < lines.count {
            guard isBlank(lines[i]) else { i += 1; continue }
            var end = i
            while end < lines.count, isBlank(lines[end]) { end += 1 }
            if end - i >= 3 { return (text, offset(ofLine: i + (end - i) / 2)) }
            if lines.filter({ !isBlank($0) }).count <= 3, end < lines.count {
                lines.replaceSubrange(i..<end, with: ["", "", ""])
                return (lines.joined(separator: "\n"), offset(ofLine: i + 1))
            }
            break
        }
        return (text, text.count)
    }
}
