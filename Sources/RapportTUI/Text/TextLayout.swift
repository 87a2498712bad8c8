/// Fitting text into columns: truncation with an ellipsis, word wrapping, padding.
/// Every function works on whole graphemes, so a character is never cut in half.
public enum TextLayout {
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` columns; when something was cut, the last column is `…`.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// `text` truncated and then padded with spaces to exactly `width` columns.
    public static func fitted(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncated(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// One logical line broken into lines of at most `width` columns, at spaces when possible.
    public static func wrapped(_ line: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        if line.utf8.count <= width { return [line] }      // see `wrappedGraphemes`
        var copy = line
        if let lines = copy.withUTF8({ PlainText.isPrintableASCII($0) ? PlainText.wrapped($0, width: width) : nil }) {
            return lines
        }
        return PlainText.wrappedSimple(line, width: width) ?? wrappedGraphemes(line, width: width)
    }

    /// `wrapped` walking graphemes: the general case, for lines with anything but printable ASCII.
    static func wrappedGraphemes(_ line: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        // No grapheme is wider than its UTF-8 bytes (at most two columns, and anything beyond
        // ASCII takes two bytes or more), so a line with no more bytes than columns fits unmeasured.
        if line.utf8.count <= width || DisplayWidth.of(line) <= width { return [line] }
        var lines: [String] = []
        var current: [Character] = []
        var currentWidth = 0
        var lastSpace: Int? = nil            // index in `current` of the last space
        for character in line {
            let w = DisplayWidth.of(character)
            if character == " " && current.isEmpty && !lines.isEmpty { continue }   // no leading space after a wrap
            if currentWidth + w > width && !current.isEmpty {
                if character == " " {
                    lines.append(String(current)); current = []; currentWidth = 0; lastSpace = nil
                    continue
                }
                if let space = lastSpace, space > 0 {
                    lines.append(trimmedRight(current[..<space]))
                    current = Array(current[(space + 1)...])
                } else {
                    lines.append(String(current))
                    current = []
                }
                currentWidth = current.reduce(0) { $0 + DisplayWidth.of($1) }
                lastSpace = current.lastIndex(of: " ")
            }
            if character == " " { lastSpace = current.count }
            current.append(character)
            currentWidth += w
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// A message body as display lines: CRLF and CR normalised to line breaks, tabs expanded,
    /// each line sanitised and wrapped to `width`.
    public static func bodyLines(_ text: String, width: Int) -> [String] {
        var normalised = text.replacingCRLF()
        var out: [String] = []
        // Lines are split on the LF byte: LF is always a grapheme of its own once CRs are gone.
        normalised.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if raw.isEmpty {
                    out.append("")
                } else if PlainText.isPrintableASCII(raw) {
                    // Nothing to expand or sanitise, one column per byte.
                    out.append(contentsOf: PlainText.wrapped(raw, width: width))
                } else {
                    // Expanding and sanitising leave most lines as they are: look at the bytes first.
                    var line = String(decoding: raw, as: UTF8.self)
                    if raw.contains(0x09) || DisplaySafety.mayNeedReplacing(raw) {
                        line = DisplaySafety.sanitised(expandingTabs(line))
                    }
                    out.append(contentsOf: line.isEmpty ? [""] : wrapped(line, width: width))
                }
                start = end + 1
            }
        }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// Tabs replaced by spaces up to the next multiple of four columns.
    static func expandingTabs(_ line: String) -> String {
        guard line.utf8.contains(0x09) else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let n = 4 - column % 4
                out += String(repeating: " ", count: n); column += n
            } else {
                out.append(character); column += DisplayWidth.of(character)
            }
        }
        return out
    }

    private static func trimmedRight(_ characters: ArraySlice<Character>) -> String {
        var end = characters.endIndex
        while end > characters.startIndex && characters[end - 1] == " " { end -= 1 }
        return String(characters[characters.startIndex..<end])
    }
}

extension String {
    /// CRLF and lone CR turned into LF. ("\r\n" is one grapheme in Swift, so work on UTF-8 bytes,
    /// where CR and LF never occur inside another character.)
    func replacingCRLF() -> String {
        var copy = self
        return copy.withUTF8 { bytes in
            guard bytes.contains(0x0D) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var previousCR = false
            for byte in bytes {
                if byte == 0x0D { out.append(0x0A); previousCR = true; continue }
                if byte == 0x0A && previousCR { previousCR = false; continue }
                previousCR = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
