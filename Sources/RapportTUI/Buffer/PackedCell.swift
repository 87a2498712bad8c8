/// How `CellBuffer` stores a cell: a plain value with no references, so frames are copied,
/// filled and compared without retaining or releasing anything.
///
/// A grapheme of up to 15 UTF-8 bytes (almost all of them: letters with marks, CJK, flags)
/// is kept inline; a longer one (a ZWJ emoji family, a pile of combining marks) lives in the
/// buffer's side table and the cell keeps its index there.
struct PackedCell: BitwiseCopyable, Equatable {
    /// UTF-8 bytes 0–7 of the grapheme, byte i at bits 8i…8i+7; for a long grapheme, its index in the side table.
    var low: UInt64
    /// UTF-8 bytes 8–14, and in the top byte the byte count (1…15), or `longMark`.
    var high: UInt64
    var width: UInt8
    var style: Style

    static let longMark: UInt64 = 0xFF
    static let blank = PackedCell(ascii: 0x20, style: .plain)

    /// A one-column cell for a printable ASCII byte.
    init(ascii byte: UInt8, width: UInt8 = 1, style: Style) {
        low = UInt64(byte)
        high = 1 << 56
        self.width = width
        self.style = style
    }

    /// `grapheme` packed inline, or appended to `long` when it is longer than 15 bytes.
    init(_ grapheme: Character, width: UInt8, style: Style, long: inout [Character]) {
        self.width = width
        self.style = style
        let utf8 = grapheme.utf8
        if utf8.count > 15 {
            low = UInt64(long.count)
            high = Self.longMark << 56
            long.append(grapheme)
            return
        }
        var low: UInt64 = 0, high: UInt64 = 0, i: UInt64 = 0
        for byte in utf8 {
            if i < 8 { low |= UInt64(byte) << (8 * i) } else { high |= UInt64(byte) << (8 * (i - 8)) }
            i += 1
        }
        self.low = low
        self.high = high | i << 56
    }

    var isLong: Bool { high >> 56 == Self.longMark }
    var isContinuation: Bool { width == 0 }

    /// The same cell with another style.
    func styled(_ style: Style) -> PackedCell {
        var copy = self
        copy.style = style
        return copy
    }

    /// The grapheme, reading a long one from `long`.
    func grapheme(_ long: [Character]) -> Character {
        if isLong { return long[Int(low)] }
        let count = Int(high >> 56)
        if count == 1 { return Character(Unicode.Scalar(UInt8(truncatingIfNeeded: low))) }
        let text = withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<count]), as: UTF8.self)
        }
        return Character(text)
    }

    func cell(_ long: [Character]) -> Cell {
        Cell(grapheme: grapheme(long), width: width, style: style)
    }
}
