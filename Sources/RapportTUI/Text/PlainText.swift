/// Wrapping for lines of printable ASCII, the bulk of mail text, on bytes, and for lines of
/// other simple code points (accented Latin, typographic quotes) on code points.
///
/// In printable ASCII (0x20–0x7E) every byte is a grapheme one column wide and nothing needs
/// sanitising, so the grapheme walk of `TextLayout.wrappedGraphemes` can be skipped; the same
/// holds for each code point of a simple line. The rules are the same, line for line: tests
/// compare both on corpus text.
enum PlainText {
    private static let space = UInt8(ascii: " ")

    /// Whether every byte is printable ASCII (no controls, no DEL, nothing beyond 0x7E).
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight bytes at a time: a byte is outside 0x20...0x7E when it is below 0x20, has its top
        // bit set, or is 0x7F (adding 1 then sets the top bit).
        var i = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let below20 = (word &- 0x2020_2020_2020_2020) & ~word & high
                let isDEL = (word &+ 0x0101_0101_0101_0101) & high & ~word
                if (word & high) | below20 | isDEL != 0 { return false }
                i += 8
            }
        }
        while i < count {
            let b = bytes[i]
            if b < 0x20 || b > 0x7E { return false }
            i += 1
        }
        return true
    }

    /// Whether a code point is always a grapheme of its own, one column wide, and safe to draw:
    /// printable ASCII, Latin-1 and Latin Extended letters and signs (not the soft hyphen),
    /// general punctuation (dashes, quotes, …) and currency signs. None of them is a mark, a
    /// joiner, a prepended or spacing mark, a Hangul jamo or a regional indicator, so no
    /// grapheme rule can join two of them; a test checks widths, safety and pairs.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF: true
        default: false
        }
    }

    /// A printable-ASCII line broken into lines of at most `width` columns, as `TextLayout.wrapped`
    /// would: at the last space when there is one past the line's start, else hard at `width`;
    /// no line after the first starts with a space.
    static func wrapped(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        wrapped(ASCIIUnits(bytes: bytes), width: width)
    }

    /// A line of simple code points (`isSimple`) wrapped as `TextLayout.wrapped` would,
    /// or nil when it holds anything else.
    static func wrappedSimple(_ line: String, width: Int) -> [String]? {
        var offsets: [Int] = [0]
        offsets.reserveCapacity(line.utf8.count + 1)
        var offset = 0
        for scalar in line.unicodeScalars {
            guard isSimple(scalar) else { return nil }
            offset += UTF8.width(scalar)
            offsets.append(offset)
        }
        var copy = line
        return copy.withUTF8 { wrapped(ScalarUnits(bytes: $0, offsets: offsets), width: width) }
    }

    /// The wrapping rules over units that are each one grapheme one column wide.
    private static func wrapped<Units: WrapUnits>(_ units: Units, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let n = units.count
        if n <= width { return [units.text(0..<n)] }
        var lines: [String] = []
        // The line being filled is always the contiguous run of units start..<end.
        var start = 0, end = 0
        var lastSpace: Int? = nil             // the last space in the run
        for i in 0..<n {
            let isSpace = units.isSpace(i)
            if start == end {
                if isSpace && !lines.isEmpty { continue }     // no leading space after a wrap
                start = i; end = i
            }
            if end - start + 1 > width {
                if isSpace {
                    lines.append(units.text(start..<end)); start = end; lastSpace = nil
                    continue
                }
                if let space = lastSpace, space > start {
                    var cut = space
                    while cut > start && units.isSpace(cut - 1) { cut -= 1 }
                    lines.append(units.text(start..<cut))
                    start = space + 1
                } else {
                    lines.append(units.text(start..<end))
                    start = end
                }
                lastSpace = nil
                var j = end
                while j > start { j -= 1; if units.isSpace(j) { lastSpace = j; break } }
                if start == end { start = i; end = i }
            }
            if isSpace { lastSpace = i }
            end = i + 1
        }
        if end > start { lines.append(units.text(start..<end)) }
        return lines
    }
}

/// A line as a sequence of one-column graphemes.
private protocol WrapUnits {
    var count: Int { get }
    func isSpace(_ i: Int) -> Bool
    func text(_ range: Range<Int>) -> String
}

/// Printable ASCII: a unit per byte.
private struct ASCIIUnits: WrapUnits {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    func isSpace(_ i: Int) -> Bool { bytes[i] == 0x20 }
    func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
}

/// Simple code points: a unit per code point, unit i at bytes offsets[i]..<offsets[i + 1].
private struct ScalarUnits: WrapUnits {
    let bytes: UnsafeBufferPointer<UInt8>
    let offsets: [Int]
    var count: Int { offsets.count - 1 }
    func isSpace(_ i: Int) -> Bool { offsets[i + 1] - offsets[i] == 1 && bytes[offsets[i]] == 0x20 }
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self)
    }
}
