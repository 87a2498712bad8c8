/// One screen position: a grapheme and its style.
///
/// A two-column grapheme occupies its cell (width 2) and the cell to its right, which is a
/// continuation (width 0) and is never drawn on its own.
public struct Cell: Sendable, Hashable {
    public var grapheme: Character
    /// 1 or 2 for a cell that starts a grapheme; 0 for the right half of a wide one.
    public var width: UInt8
    public var style: Style

    public init(grapheme: Character, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static let blank = Cell(grapheme: " ")

    public var isContinuation: Bool { width == 0 }
}

/// A cell that differs from the previous frame.
public struct CellChange: Sendable, Hashable {
    public var x, y: Int
    public var cell: Cell
}
