import Foundation

/// Prints one JSON document on stdout: snake_case keys, sorted, ISO 8601 dates.
func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(value) else { return }
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Writes a line to stdout without buffering surprises when mixed with stderr. Lines carry customer
/// text (names, subjects, notes), so they go through the inbox's sanitiser: no escape sequence from a
/// message can steer the user's terminal.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((SafeText.safe(line, keepNewlines: true) + "\n").utf8))
}

/// The same for stderr.
func complain(_ line: String) {
    FileHandle.standardError.write(Data((SafeText.safe(line, keepNewlines: true) + "\n").utf8))
}
