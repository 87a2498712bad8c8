/// The byte-level encodings a generated message uses, written straight into a byte buffer
/// (Foundation's string APIs would dominate the time of writing a million files).
enum MailEncoding {
    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Base64 of `bytes`; with `lineLength`, broken into lines of that many characters (MIME bodies use 76).
    static func base64(_ bytes: [UInt8], lineLength: Int? = 76, into out: inout [UInt8]) {
        var column = 0
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(base64Alphabet[Int(b0 >> 2)])
            out.append(base64Alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? base64Alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? base64Alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
            column += 4
            if let lineLength, column >= lineLength {
                out.append(UInt8(ascii: "\n"))
                column = 0
            }
        }
        if lineLength != nil && column > 0 { out.append(UInt8(ascii: "\n")) }
    }

    /// Quoted-printable (RFC 2045): soft breaks before 76 columns, `=XX` for 8-bit bytes and `=`,
    /// trailing spaces encoded so no transport can strip them.
    static func quotedPrintable(_ bytes: [UInt8], into out: inout [UInt8]) {
        var column = 0
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                out.append(byte)
                column = 0
                continue
            }
            let atLineEnd = i + 1 == bytes.count || bytes[i + 1] == UInt8(ascii: "\n")
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || (byte == UInt8(ascii: " ") && !atLineEnd)
            let width = literal ? 1 : 3
            if column + width > 75 {
                out.append(UInt8(ascii: "="))
                out.append(UInt8(ascii: "\n"))
                column = 0
            }
            if literal {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            column += width
        }
        if column > 0 { out.append(UInt8(ascii: "\n")) }
    }

    /// A header value: as is when ASCII, else RFC 2047 encoded words in `charset` (B encoding),
    /// each word cut on a character boundary so no word splits a UTF-8 sequence.
    static func headerValue(_ bytes: [UInt8], charset: String, into out: inout [UInt8]) {
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            out.append(contentsOf: bytes)
            return
        }
        var start = 0
        while start < bytes.count {
            var end = min(start + 36, bytes.count)
            // Never end inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
            if charset == "UTF-8" {
                while end < bytes.count && end > start + 1 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            if start > 0 { out.append(contentsOf: Array("\n ".utf8)) }
            out.append(contentsOf: Array("=?\(charset)?B?".utf8))
            base64(Array(bytes[start..<end]), lineLength: nil, into: &out)
            out.append(contentsOf: Array("?=".utf8))
            start = end
        }
    }

    /// UTF-8 text as ISO-8859-1 bytes; characters outside Latin-1 become "?".
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}

/// RFC 5322 dates without Foundation's formatters (a million of them).
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]   // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Tue, 01 Aug 2023 14:03:12 +0200" for a Unix time and the writer's offset in minutes.
    static func rfc5322(_ unix: Int64, offsetMinutes: Int) -> String {
        let local = unix + Int64(offsetMinutes * 60)
        let dayNumber = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = Int(local - Int64(dayNumber) * 86_400)
        let (year, month, day) = civil(fromDays: dayNumber)
        let weekday = days[((dayNumber % 7) + 7) % 7]
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(weekday), \(pad(day)) \(months[month - 1]) \(year) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) \(sign)\(pad(offset / 60))\(pad(offset % 60))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
