import Foundation

/// One row of the soft-wrapped text.
public struct VisualLine: Equatable, Sendable {
    /// Grapheme offset of the first character on the row.
    public var start: Int
    /// Offset just past the last character on the row (its newline is not included).
    public var end: Int
    /// 0-based logical line (paragraph) the row belongs to.
    public var logicalLine: Int
    /// True for the last row of its logical line: the cursor may then sit at `end`.
    public var endsLogicalLine: Bool
    /// The row's text as drawn: spaces hanging past the right edge at a wrap are left out,
    /// so it never takes more than the width it was laid out for.
    public var text: String

    /// The last cursor offset displayed on this row.
    public var lastCursorOffset: Int { endsLogicalLine ? end : max(start, end - 1) }
}

extension EditorBuffer {
    /// The text soft-wrapped to `width` terminal cells: words move whole to the next row when they
    /// do not fit, a word longer than the row is cut, a two-cell grapheme never straddles the edge,
    /// and spaces at a wrap stay at the end of the row they follow.
    public func layout(width: Int) -> [VisualLine] {
        let width = max(width, 2)
        var lines: [VisualLine] = []
        var logical = 0
        var lineStart = 0
        var i = 0
        while i <= characters.count {
            if i == characters.count || characters[i] == "\n" {
                wrap(lineStart..<i, logical: logical, width: width, into: &lines)
                logical += 1
                lineStart = i + 1
            }
            i += 1
        }
        return lines
    }

    func wrap(_ range: Range<Int>, logical: Int, width: Int, into lines: inout [VisualLine]) {
        var start = range.lowerBound
        repeat {
            var used = 0
            var i = start
            var lastBreak: Int?  // offset just after the last space that fits
            while i < range.upperBound {
                let w = Self.width(of: characters[i])
                if characters[i] == " " {
                    // Spaces never start a row: they hang at the end of this one.
                    used += w; i += 1; lastBreak = i
                    continue
                }
                if used + w > width { break }
                used += w; i += 1
            }
            var end = i
            if i < range.upperBound, let lastBreak, lastBreak > start, !(characters[i - 1] == " ") {
                end = lastBreak  // move the partial word to the next row
            }
            if end == start && i < range.upperBound { end = start + 1 }  // a grapheme wider than the row
            let done = end >= range.upperBound
            var shown = characters[start..<end]
            while Self.width(of: String(shown)) > width, shown.last == " " { shown.removeLast() }
            lines.append(VisualLine(start: start, end: end, logicalLine: logical, endsLogicalLine: done,
                                    text: String(shown)))
            start = end
            if done { break }
        } while true
    }

    /// The visual row the cursor is on.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let lines = layout(width: width)
        let row = visualRow(in: lines)
        return (row, min(column(of: cursor, on: lines[row]), max(width, 2) - 1))
    }

    /// The grapheme offset shown at a visual row and display column (for restoring a position or a click).
    public func offset(row: Int, column: Int, width: Int) -> Int {
        let lines = layout(width: width)
        guard !lines.isEmpty else { return 0 }
        return offset(onLine: lines[min(max(row, 0), lines.count - 1)], column: column)
    }

    func visualRow(in lines: [VisualLine]) -> Int {
        lines.firstIndex { cursor >= $0.start && (cursor < $0.end || (cursor == $0.end && $0.endsLogicalLine)) }
            ?? lines.count - 1
    }

    func column(of offset: Int, on line: VisualLine) -> Int {
        characters[line.start..<min(offset, line.end)].reduce(0) { $0 + Self.width(of: $1) }
    }

    /// The offset on `line` whose column is the nearest at or before `column`.
    func offset(onLine line: VisualLine, column: Int) -> Int {
        var used = 0
        var i = line.start
        while i < line.lastCursorOffset {
            let w = Self.width(of: characters[i])
            if used + w > column { break }
            used += w
            i += 1
        }
        return i
    }

    // MARK: - Display width

    /// Terminal cells a grapheme takes: 2 for East Asian wide/full-width characters and emoji
    /// shown as pictures, 0 for invisible format characters, 1 otherwise.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if scalars.allSatisfy({ $0.properties.generalCategory == .format }) { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    /// Cells a string takes.
    public static func width(of string: some StringProtocol) -> Int {
        string.reduce(0) { $0 + width(of: $1) }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}

extension EditorBuffer {
    /// The visual rows showing a 1-based logical line (as in `Violation.line`), for marking it.
    public func visualRows(ofLine line: Int, width: Int) -> Range<Int> {
        let lines = layout(width: width)
        guard let first = lines.firstIndex(where: { $0.logicalLine == line - 1 }) else { return 0..<0 }
        let last = lines.lastIndex(where: { $0.logicalLine == line - 1 }) ?? first
        return first..<(last + 1)
    }
}
