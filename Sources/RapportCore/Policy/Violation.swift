import Foundation

/// The rules a reply is checked against; the raw value is the id shown to people and in `--json`.
public enum PolicyRule: String, Sendable, Codable, CaseIterable {
    case greeting
    case signoff
    case signature
    case noreply
    case length
    case referralQuestion = "referral-question"
    /// A template's `[[…]]` slot left unfilled.
    case slot
    /// A reply written while covering for an away owner does not say whose customer this is and when
    /// they are back.
    case cover
}

/// Whether a violation stops the reply from being sent.
public enum Severity: String, Sendable, Codable, CaseIterable {
    /// Sending is refused until it is fixed; there is no per-message bypass.
    case block
    /// Shown, but the reply may still be sent.
    case warn
}

/// One thing wrong with a draft: which rule, which line (1-based, in the draft as typed), and why.
public struct Violation: Sendable, Hashable, Codable {
    public var rule: PolicyRule
    /// 1-based line number in the draft text.
    public var line: Int
    public var severity: Severity
    /// A sentence a person understands, saying what to do about it.
    public var message: String

    public var blocks: Bool { severity == .block }
}

extension Array where Element == Violation {
    /// True when at least one violation stops sending.
    public var blocksSending: Bool { contains { $0.blocks } }

    /// The 1-based line numbers that carry a violation, for marking lines in the composer.
    public var markedLines: Set<Int> { Set(map(\.line)) }
}
