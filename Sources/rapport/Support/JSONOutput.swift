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
