import Foundation
import RapportTUI

/// Prints one JSON document on stdout: snake_case keys, sorted, ISO 8601 dates. Customer text can
/// hold C1 controls and bidi overrides that JSON allows raw; they are written as `\uXXXX`, so a
/// terminal showing the document (or `jq`'s output) is never steered by them.
func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(value) else { return }
    StandardStream.output.write(JSONText.escapingUnsafe(String(decoding: data, as: UTF8.self)) + "\n")
}

/// Writes a line to stdout. Lines carry customer text (names, subjects, notes), so they go through
/// the inbox's sanitiser: no escape sequence from a message can steer the user's terminal.
func say(_ line: String) {
    StandardStream.output.write(SafeText.safe(line, keepNewlines: true) + "\n")
}

/// The same for stderr.
func complain(_ line: String) {
    StandardStream.error.write(SafeText.safe(line, keepNewlines: true) + "\n")
}

enum JSONText {
    /// JSON text with every code point the inbox would not draw (C1 controls, bidi overrides and
    /// isolates, direction marks, line separators, U+FEFF, DEL) written as a `\uXXXX` escape. Valid
    /// anywhere in a JSON document: outside strings there are only ASCII structural characters.
    static func escapingUnsafe(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F, DisplaySafety.replacement(for: scalar) != nil {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// stdout or stderr, written with write(2). Output into a closed pipe (`rapport conversations | head -1`)
/// ends the command quietly with status 0: the reader has all it wanted. A closed stderr only silences
/// the messages (an ingest's progress must not stop the ingest). (Foundation's `FileHandle.write` traps
/// on EPIPE.)
struct StandardStream {
    let descriptor: Int32

    static let output = StandardStream(descriptor: STDOUT_FILENO)
    static let error = StandardStream(descriptor: STDERR_FILENO)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 { offset += written; continue }
                if written < 0 && errno == EINTR { continue }
                if written < 0 && errno == EPIPE {
                    if descriptor == STDOUT_FILENO { exit(0) }
                    return
                }
                return   // another error (a full disk): nothing more can be said on this stream
            }
        }
    }
}
