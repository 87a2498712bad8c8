/// An in-memory screen: what a frame should look like. Screens draw into it; the terminal
/// layer writes only the cells that `diff(from:)` reports as changed.
///
/// Text enters only through `write`, which sanitises it, so nothing drawn here can carry
/// a terminal control sequence.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    // MARK: - Drawing

    /// Writes `text` from (x, y), sanitised, cut with `…` when it is wider than `width`
    /// (or than the rest of the row). Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width limit: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let room = min(limit ?? Int.max, width - x)
        guard room > 0 else { return 0 }
        var safe = DisplaySafety.sanitised(text)
        if DisplayWidth.of(safe) > room { safe = TextLayout.truncated(safe, to: room) }
        var column = x
        for character in safe {
            var glyph = character
            var w = DisplayWidth.of(character)
            if w == 0 {
                // A mark with nothing to sit on gets a dotted circle; invisible format
                // characters (zero-width space, word joiner) have nothing to draw.
                guard let first = character.unicodeScalars.first, first.properties.generalCategory != .format
                else { continue }
                glyph = Character("\u{25CC}" + String(character))
                w = 1
            }
            if column + w > x + room { break }
            put(Cell(grapheme: glyph, width: UInt8(w), style: style), x: column, y: y)
            column += w
        }
        return column - x
    }

    /// `write`, then spaces in `style` up to exactly `width` columns.
    public mutating func field(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        let used = write(text, x: x, y: y, width: width, style: style)
        fill(x: x + used, y: y, width: width - used, height: 1, style: style)
    }

    /// Blanks a rectangle in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for column in x0..<x1 { put(Cell(grapheme: " ", style: style), x: column, y: row) }
        }
    }

    /// Changes the style of a span of cells, keeping their text (e.g. to highlight a row).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + w)) { change(&cells[y * width + column].style) }
    }

    /// Places one cell, repairing any wide grapheme it overlaps so that no half of one is left behind.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(grapheme: " ", style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = Cell(grapheme: " ", style: cells[i + 1].style) }
        cells[i] = cell
        if cell.width == 2 {
            guard x + 1 < width else { cells[i] = Cell(grapheme: " ", style: cell.style); return }
            if cells[i + 1].width == 2, x + 2 < width { cells[i + 2] = Cell(grapheme: " ", style: cells[i + 2].style) }
            cells[i + 1] = Cell(grapheme: " ", width: 0, style: cell.style)
        }
    }

    // MARK: - Reading

    /// The rows as plain text with trailing spaces removed: what a person would read off the screen.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].grapheme) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`; every cell when there is no previous frame
    /// or its size differs.
    public func diff(from previous: CellBuffer?) -> [CellChange] {
        var changes: [CellChange] = []
        let comparable = previous.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                if comparable, previous!.cells[i] == cells[i] { continue }
                changes.append(CellChange(x: x, y: y, cell: cells[i]))
            }
        }
        return changes
    }
}
