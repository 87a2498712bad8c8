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
    /// The text soft-wrapped to `width` terminal cells (measured by `DisplayWidth`, as the renderer
    /// draws them, so the cursor sits on the cell its character is drawn in): words move whole to the next row when they
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
                let w = DisplayWidth.of(characters[i])
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
            while DisplayWidth.of(String(shown)) > width, shown.last == " " { shown.removeLast() }
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
        characters[line.start..<min(offset, line.end)].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The offset on `line` whose column is the nearest at or before `column`.
    func offset(onLine line: VisualLine, column: Int) -> Int {
        var used = 0
        var i = line.start
        while i < line.lastCursorOffset {
            let w = DisplayWidth.of(characters[i])
            if used + w > column { break }
            used += w
            i += 1
        }
        return i
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
