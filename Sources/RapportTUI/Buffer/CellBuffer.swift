/// An in-memory screen: what a frame should look like. Screens draw into it; the terminal
/// layer writes only the cells that `diff(from:)` reports as changed.
///
/// Text enters only through `write`, which sanitises it, so nothing drawn here can carry
/// a terminal control sequence.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// The cells, row by row, packed so that frames copy and compare without reference counting.
    private var packed: [PackedCell]
    /// Graphemes longer than a packed cell holds, by the index their cells keep.
    private var long: [Character] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        packed = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        packed[y * width + x].cell(long)
    }

    // MARK: - Drawing

    /// Writes `text` from (x, y), sanitised, cut with `…` when it is wider than `width`
    /// (or than the rest of the row). Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width limit: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let room = min(limit ?? Int.max, width - x)
        guard room > 0 else { return 0 }
        // Printable ASCII, most of what is drawn, needs no sanitising and is one column per byte.
        var ascii = text
        let attributes = PackedCell.attributes(width: 1, style: style)
        let width = width
        if let used = ascii.withUTF8({ bytes -> Int? in
            guard PlainText.isPrintableASCII(bytes), bytes.count <= room else { return nil }
            packed.withUnsafeMutableBufferPointer { cells in
                for (offset, byte) in bytes.enumerated() {
                    Self.put(PackedCell(ascii: byte, attributes: attributes), x: x + offset, y: y, width: width, in: cells)
                }
            }
            return bytes.count
        }) {
            return used
        }
        // So is a line of other simple code points (accented Latin, typographic quotes), one per column.
        if text.unicodeScalars.count <= room, text.unicodeScalars.allSatisfy(PlainText.isSimple) {
            return packed.withUnsafeMutableBufferPointer { cells in
                var column = x
                for scalar in text.unicodeScalars {
                    Self.put(PackedCell(scalar, attributes: attributes), x: column, y: y, width: width, in: cells)
                    column += 1
                }
                return column - x
            }
        }
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
            put(PackedCell(glyph, width: UInt8(w), style: style, long: &long), x: column, y: y)
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
        let blank = PackedCell.blank(style), width = width
        packed.withUnsafeMutableBufferPointer { cells in
            for row in y0..<y1 {
                for column in x0..<x1 { Self.put(blank, x: column, y: row, width: width, in: cells) }
            }
        }
    }

    /// Changes the style of a span of cells, keeping their text (e.g. to highlight a row).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
            var style = packed[y * width + column].style
            change(&style)
            packed[y * width + column].style = style
        }
    }

    /// Places one cell, repairing any wide grapheme it overlaps so that no half of one is left behind.
    private mutating func put(_ cell: PackedCell, x: Int, y: Int) {
        let width = width
        packed.withUnsafeMutableBufferPointer { Self.put(cell, x: x, y: y, width: width, in: $0) }
    }

    /// `put` on the cells themselves; callers keep (x, y) on the screen.
    private static func put(_ cell: PackedCell, x: Int, y: Int, width: Int, in cells: UnsafeMutableBufferPointer<PackedCell>) {
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].style) }
        if old.width == 2, x + 1 < width { cells[i + 1] = .blank(cells[i + 1].style) }
        cells[i] = cell
        if cell.width == 2 {
            guard x + 1 < width else { cells[i] = .blank(cell.style); return }
            if cells[i + 1].width == 2, x + 2 < width { cells[i + 2] = .blank(cells[i + 2].style) }
            cells[i + 1] = .blank(cell.style, width: 0)
        }
    }

    // MARK: - Reading

    /// The rows as plain text with trailing spaces removed: what a person would read off the screen.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !packed[y * width + x].isContinuation { line.append(packed[y * width + x].grapheme(long)) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`; every cell when there is no previous frame
    /// or its size differs.
    public func diff(from previous: CellBuffer?) -> [CellChange] {
        var changes: [CellChange] = []
        guard let previous, previous.width == width, previous.height == height else {
            for i in packed.indices { changes.append(CellChange(x: i % max(1, width), y: i / max(1, width), cell: packed[i].cell(long))) }
            return changes
        }
        // Compare first, then build the changes into an array of the right size: no regrowing.
        var changed: [Int32] = []
        packed.withUnsafeBufferPointer { now in
            previous.packed.withUnsafeBufferPointer { before in
                for i in now.indices {
                    if !Self.same(now[i], long, before[i], previous.long) { changed.append(Int32(i)) }
                }
            }
        }
        changes.reserveCapacity(changed.count)
        for i in changed.lazy.map(Int.init) {
            changes.append(CellChange(x: i % width, y: i / width, cell: packed[i].cell(long)))
        }
        return changes
    }

    /// Whether two cells show the same. Long graphemes are compared by their bytes, as the side
    /// tables of two frames differ; inline ones by their bits.
    private static func same(_ a: PackedCell, _ aLong: [Character], _ b: PackedCell, _ bLong: [Character]) -> Bool {
        if !a.isLong && !b.isLong { return a == b }
        guard a.isLong && b.isLong, a.attributes == b.attributes else { return false }
        return aLong[Int(a.low)].utf8.elementsEqual(bLong[Int(b.low)].utf8)
    }

    public static func == (lhs: CellBuffer, rhs: CellBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height
            && lhs.packed.indices.allSatisfy { same(lhs.packed[$0], lhs.long, rhs.packed[$0], rhs.long) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
    }
}
