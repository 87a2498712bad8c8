/// ASCII read as bytes, for the paths that take ASCII text byte by byte (HTML bodies, subjects,
/// addresses) because the `Character` and Foundation versions cost thousands of instructions a string.
/// For ASCII each gives exactly what the Unicode rule gives; callers fall back to that rule otherwise.
public enum ASCIIBytes {
    /// Tab to carriage return, and space: the ASCII of `Character.isWhitespace` and `whitespacesAndNewlines`.
    @inlinable public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Tab and space: the ASCII of `CharacterSet.whitespaces`.
    @inlinable public static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    @inlinable public static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A–Z to a–z, every other byte as it is (`lowercased()` for ASCII).
    @inlinable public static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// `bytes` without the bytes at either end that `drop` holds for (empty when it holds for all).
    @inlinable public static func trimmed(_ bytes: ArraySlice<UInt8>, where drop: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !drop($0) }), let last = bytes.lastIndex(where: { !drop($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
