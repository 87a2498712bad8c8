/// How `CellBuffer` stores a cell: three machine words with no references, so frames are
/// filled, copied and compared without retaining or releasing anything.
///
/// A grapheme of up to 15 UTF-8 bytes (almost all of them: letters with marks, CJK, flags)
/// is kept inline; a longer one (a ZWJ emoji family, a pile of combining marks) lives in the
/// buffer's side table and the cell keeps its index there.
struct PackedCell: BitwiseCopyable, Equatable {
    /// UTF-8 bytes 0–7 of the grapheme, byte i at bits 8i…8i+7; for a long grapheme, its index in the side table.
    var low: UInt64
    /// UTF-8 bytes 8–14, and in the top byte the byte count (1…15), or `longMark`.
    var high: UInt64
    /// The style (bits 0–11, see `encode`) and the width (bits 16–23).
    var attributes: UInt64

    static let longMark: UInt64 = 0xFF
    static let blank = PackedCell(ascii: 0x20, style: .plain)

    /// A one-column cell for a printable ASCII byte.
    init(ascii byte: UInt8, style: Style) {
        self.init(ascii: byte, attributes: Self.attributes(width: 1, style: style))
    }

    init(ascii byte: UInt8, attributes: UInt64) {
        low = UInt64(byte)
        high = 1 << 56
        self.attributes = attributes
    }

    /// A cell for a code point that is a grapheme on its own (at most four UTF-8 bytes, so always inline).
    init(_ scalar: Unicode.Scalar, attributes: UInt64) {
        var low: UInt64 = 0, i: UInt64 = 0
        for byte in UTF8.encode(scalar)! {
            low |= UInt64(byte) << (8 * i)
            i += 1
        }
        self.low = low
        high = i << 56
        self.attributes = attributes
    }

    /// `grapheme` packed inline, or appended to `long` when it is longer than 15 bytes.
    init(_ grapheme: Character, width: UInt8, style: Style, long: inout [Character]) {
        attributes = Self.attributes(width: width, style: style)
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
    var width: UInt8 { UInt8(truncatingIfNeeded: attributes >> 16) }
    var isContinuation: Bool { width == 0 }

    var style: Style {
        get { Self.decode(attributes) }
        set { attributes = Self.attributes(width: width, style: newValue) }
    }

    /// A blank in `style`, one column wide (or a continuation, with width 0).
    static func blank(_ style: Style, width: UInt8 = 1) -> PackedCell {
        PackedCell(ascii: 0x20, attributes: attributes(width: width, style: style))
    }

    /// The grapheme, reading a long one from `long`.
    func grapheme(_ long: [Character]) -> Character {
        if isLong { return long[Int(low)] }
        let count = Int(high >> 56)
        if count == 1 { return Self.ascii[Int(low & 0x7F)] }
        let text = withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<count]), as: UTF8.self)
        }
        return Character(text)
    }

    /// One-byte graphemes, made once: most changed cells are ASCII.
    private static let ascii: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    func cell(_ long: [Character]) -> Cell {
        Cell(grapheme: grapheme(long), width: width, style: style)
    }

    // MARK: - Style bits

    static func attributes(width: UInt8, style: Style) -> UInt64 {
        var bits = UInt64(style.foreground.map { $0.rawValue + 1 } ?? 0)
        bits |= UInt64(style.background.map { $0.rawValue + 1 } ?? 0) << 4
        if style.bold { bits |= 1 << 8 }
        if style.dim { bits |= 1 << 9 }
        if style.reverse { bits |= 1 << 10 }
        if style.underline { bits |= 1 << 11 }
        return bits | UInt64(width) << 16
    }

    static func decode(_ bits: UInt64) -> Style {
        func color(_ n: UInt64) -> Color? { n == 0 ? nil : Color(rawValue: UInt8(n - 1)) }
        return Style(foreground: color(bits & 0xF), background: color(bits >> 4 & 0xF), bold: bits & 1 << 8 != 0,
                     dim: bits & 1 << 9 != 0, reverse: bits & 1 << 10 != 0, underline: bits & 1 << 11 != 0)
    }
}
