import Foundation
import Mustache

/// A reply template: Mustache text with a short front matter saying who it is for.
///
/// ```
/// ---
/// name: reply-short
/// audience: existing
/// kind: reply
/// description: A short reply to someone we already know.
/// ---
/// Hi {{customer.first_name}},
/// ```
public struct ReplyTemplate: Sendable {
    /// Which customers a template is written for; the template tests check it against that policy.
    public enum Audience: String, Sendable, CaseIterable {
        case existing, new, any

        /// Whether a template for this audience suits a customer.
        public func suits(isExisting: Bool) -> Bool {
            switch self {
            case .any: true
            case .existing: isExisting
            case .new: !isExisting
            }
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case reply
        case headsUp = "heads-up"
        case thankYou = "thank-you"
        case checkIn = "check-in"
    }

    public var name: String
    public var audience: Audience
    public var kind: Kind
    public var description: String
    /// The file it was read from.
    public var path: String
    /// The Mustache text after the front matter.
    public var body: String
    let compiled: MustacheTemplate

    /// Renders the template as plain text (no HTML escaping), with trailing blank lines removed and
    /// runs of blank lines left by empty optional sections folded into one.
    public func render(_ context: TemplateContext) -> String {
        let raw = compiled.render(context.values)
        var lines: [Substring] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank, let last = lines.last, last.allSatisfy(\.isWhitespace) { continue }
            lines.append(blank ? "" : line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}

/// A template file that could not be used, with where the problem is.
public struct TemplateProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// 1-based line in the file, when known.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
