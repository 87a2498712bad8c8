/// Wrapping for lines of printable ASCII, the bulk of mail text, on bytes.
///
/// In printable ASCII (0x20–0x7E) every byte is a grapheme one column wide and nothing needs
/// sanitising, so the grapheme walk of `TextLayout.wrappedGraphemes` can be skipped. The rules
/// are the same, line for line: tests compare both on corpus text.
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

    /// A printable-ASCII line broken into lines of at most `width` columns, as `TextLayout.wrapped`
    /// would: at the last space when there is one past the line's start, else hard at `width`;
    /// no line after the first starts with a space.
    static func wrapped(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [String] {
        guard width > 0 else { return [] }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        if bytes.count <= width { return [text(0..<bytes.count)] }
        var lines: [String] = []
        // The line being filled is always the contiguous run bytes[start..<end].
        var start = 0, end = 0
        var lastSpace: Int? = nil             // index in `bytes` of the last space in the run
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if start == end {
                if byte == space && !lines.isEmpty { continue }     // no leading space after a wrap
                start = i; end = i
            }
            if end - start + 1 > width {
                if byte == space {
                    lines.append(text(start..<end)); start = end; lastSpace = nil
                    continue
                }
                if let space = lastSpace, space > start {
                    var cut = space
                    while cut > start && bytes[cut - 1] == Self.space { cut -= 1 }
                    lines.append(text(start..<cut))
                    start = space + 1
                } else {
                    lines.append(text(start..<end))
                    start = end
                }
                lastSpace = nil
                var j = end
                while j > start { j -= 1; if bytes[j] == space { lastSpace = j; break } }
                if start == end { start = i; end = i }
            }
            if byte == space { lastSpace = i }
            end = i + 1
        }
        if end > start { lines.append(text(start..<end)) }
        return lines
    }
}
