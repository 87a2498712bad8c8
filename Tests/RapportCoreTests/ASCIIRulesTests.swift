import Foundation
import Testing
@testable import RapportCore

/// `Subject.normalized` takes ASCII subjects through a byte-level copy of its rule; both must give
/// the same key for every subject (it is stored, and later mail threads by it).
@Suite("An ASCII subject is normalised as the rule for any subject normalises it")
struct SubjectASCIITests {
    static let pieces = [
        "Re", "RE", "re", "Fwd", "FW", "fw", "AW", "Sv", "VS", "Antw", "WG", "tr", "RIF", "Ref", "Reply", "Fwdd",
        ":", ": ", " :", "[2]", "(3)", "[team]", "[", "]", "(", ")", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}",
        "\r", "\u{1F}", "Renewal", "quote", "Order #1234", "a", "Z", "x:y", "[ext]:", "re[2]:", "Re (2):",
    ]

    @Test("30,000 subjects made of prefixes, tags, brackets, colons and every kind of ASCII space")
    func generated() {
        let differences = joinedPieces(Self.pieces, seed: 15) { Subject.asciiNormalized($0) != Subject.anyNormalized($0) }
        #expect(differences.isEmpty, "\(differences.count) differ, e.g. \(differences.prefix(3).map { $0.debugDescription })")
    }

    @Test("only ASCII takes the byte path, and the examples of the rule hold")
    func examples() {
        #expect(Subject.asciiNormalized("Re: café") == nil)
        #expect(Subject.normalized("Re: Fwd: Renewal  quote") == "renewal quote")
        #expect(Subject.normalized("[team] RE[2]: Renewal") == "renewal")
        #expect(Subject.normalized("Re: Réunion\u{00A0} demain") == Subject.anyNormalized("Re: Réunion\u{00A0} demain"))
        #expect(Subject.normalized("  \t ") == "")
    }
}

/// `NoReply` reads an ASCII address's local part through a byte-level copy of its rule.
@Suite("An ASCII address's local part is read as the rule for any address reads it")
struct NoReplyASCIITests {
    static let pieces = [
        "no", "NO", "reply", "Reply", "do", "not", "Mailer", "daemon", "info", "x", "Z", ".", "-", "_", "+", "tag",
        "@", "@@", "example.com", " ", "\t", "<", ">", "\"", "'", "\r\n", "\n", "(", "!",
    ]

    @Test("30,000 addresses made of names, separators, tags, brackets, quotes and spaces")
    func generated() {
        let differences = joinedPieces(Self.pieces, seed: 16) {
            NoReply.asciiSqueezedLocalPart($0) != NoReply.anySqueezedLocalPart($0)
        }
        #expect(differences.isEmpty, "\(differences.count) differ, e.g. \(differences.prefix(3).map { $0.debugDescription })")
        #expect(NoReply.asciiSqueezedLocalPart("Zoë@example.com") == nil)
        #expect(NoReply.isNoReplyAddress("<No-Reply+uk@Example.com>"))
        #expect(!NoReply.isNoReplyAddress("dana@example.com"))
    }
}

/// Of 30,000 strings joined from up to nine of `pieces` (the same ones for a seed), those for which `differ` holds.
private func joinedPieces(_ pieces: [String], seed: UInt64, _ differ: (String) -> Bool) -> [String] {
    var random = SplitMix64(seed: seed)
    return (0..<30_000).map { _ in (0..<random.int(0...9)).map { _ in random.pick(pieces) }.joined() }.filter(differ)
}
