import Foundation

/// Someone with a first and a last name (an agent, a customer), written the one way everywhere.
public protocol NamedPerson {
    var firstName: String { get }
    var lastName: String { get }
}

extension NamedPerson {
    public var fullName: String { PersonName.full(first: firstName, last: lastName) }
}

/// How names are written, and the first and last name guessed for a customer Rapport has never met.
public enum PersonName {
    /// Why a name typed or imported for a person cannot be used, or nil. A line break in a name would
    /// end a header line in every message we send them (or split a CSV row, a log line, a greeting).
    public static func problem(_ name: String, field: String) -> String? {
        guard let bad = name.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}"
        }) else { return nil }
        let what = bad == "\n" || bad == "\r" || bad.value >= 0x2028 ? "a line break" : "a control character"
        return "the \(field) contains \(what); a name is one line of text"
    }

    /// "First Last", or whichever of the two is not empty: the one way every screen and message writes a name.
    public static func full(first: String, last: String) -> String {
        [first, last].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// How a person sets a customer's real name today (said wherever a guessed name shows).
    public static let howToSetName =
        "`rapport customer edit EMAIL --first F --last L`, or c then e in the inbox"

    /// A first and last name for a new customer, and whether it is only a guess (made from an address,
    /// or from the display name of a role address such as "Website contact form").
    public struct Guess: Sendable, Hashable {
        public var first, last: String
        public var isGuess: Bool

        public init(first: String, last: String, isGuess: Bool) {
            self.first = first
            self.last = last
            self.isGuess = isGuess
        }
    }

    /// From the display name ("Dana Whitfield", "Whitfield, Dana", "\"Dana\""), else from the address's
    /// local part ("dana.whitfield" → Dana Whitfield, "j.smith82" → J Smith: digits are no name). Never
    /// empty: falls back to the address. A name read from an address, or from the display name of a
    /// role or no-reply address, is marked as a guess.
    public static func guess(displayName: String?, address: String) -> Guess {
        let isRole = RoleAddress.isRoleAddress(address)
        if let raw = displayName?.trimmingCharacters(in: nameTrimmed),
           !raw.isEmpty, !raw.utf8.contains(UInt8(ascii: "@")) {
            if let comma = raw.firstIndex(of: ","), raw.filter({ $0 == "," }).count == 1 {
                let last = raw[..<comma].trimmingCharacters(in: .whitespaces)
                let first = raw[raw.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                if !first.isEmpty && !last.isEmpty { return Guess(first: first, last: last, isGuess: isRole) }
            }
            let words = raw.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count == 1 { return Guess(first: words[0], last: "", isGuess: isRole) }
            return Guess(first: words[0], last: words.dropFirst().joined(separator: " "), isGuess: isRole)
        }
        let local = address.split(separator: "@").first.map(String.init) ?? address
        let words = local.split(whereSeparator: { ".-_+".contains($0) })
            .map { $0.filter { !$0.isNumber } }
            .filter { !$0.isEmpty }
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
        guard let first = words.first else { return Guess(first: address, last: "", isGuess: true) }
        return Guess(first: first, last: words.dropFirst().joined(separator: " "), isGuess: true)
    }

    /// Trimmed from a display name: white space and quotes (built once: a union of character sets
    /// cost ~20,000 instructions, for every customer ingest meets).
    static let nameTrimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))
}
