import Foundation

/// The composer's `F`: the fixes that can be made without changing what the reply says.
///
/// It puts in a first-name greeting, replaces the sign-off with the agent's first name (keeping a
/// closing line such as "Best regards,") and cuts a detected signature block. Length and
/// no-reply wording are left to the agent: only they can decide what to say instead.
/// Quoted text under the reply is kept as it was.
public enum ReplyAutoFix {
    /// Returns `draft` with the automatic fixes applied; a draft that needs none comes back unchanged.
    /// With `cover` (the agent answers for an away owner), an existing customer also gets the cover
    /// sentence under the greeting when the reply does not say it yet.
    public static func apply(_ draft: String, customer: Customer, agent: Agent, isExisting: Bool,
                             cover: CoverNote? = nil) -> String {
        let reply = ReplyAnatomy(draft, customer: customer, agent: agent)
        var lines = reply.layout.lines
        // Work from the bottom up so that earlier line indices stay valid.
        fixSignOff(&lines, reply, agent: agent, isExisting: isExisting)
        if let cover, isExisting { fixCover(&lines, reply, cover) }
        fixGreeting(&lines, reply, customer: customer)
        let fixed = lines.joined(separator: "\n")
        return fixed == reply.layout.lines.joined(separator: "\n") ? draft : fixed
    }

    // MARK: - Cover

    /// Puts the cover sentence first in the body, as its own paragraph (under the greeting's line).
    static func fixCover(_ lines: inout [String], _ reply: ReplyAnatomy, _ cover: CoverNote) {
        guard !ReplyPolicy.coverRule(reply, cover).isEmpty else { return }
        let at = min(reply.greetingLine.map { $0 + 1 } ?? (reply.layout.written.first ?? 0), lines.count)
        let blankAfter = at < lines.count && !lines[at].isBlank
        lines.insert(contentsOf: [reply.greetingLine == nil ? nil : "", cover.sentence, blankAfter ? "" : nil]
            .compactMap { $0 }, at: at)
    }

    /// Applies the fixes with the customer's own `isExisting` flag.
    public static func apply(_ draft: String, customer: Customer, agent: Agent) -> String {
        apply(draft, customer: customer, agent: agent, isExisting: customer.isExisting)
    }

    // MARK: - Sign-off and signature

    static func fixSignOff(_ lines: inout [String], _ reply: ReplyAnatomy, agent: Agent, isExisting: Bool) {
        let first = agent.firstName.trimmed
        let tail = reply.signOff.lines
        let written = reply.layout.written
        guard let lastWritten = written.last, !first.isEmpty else { return }

        if !isExisting {
            // Keep the personal signature; cut only what a new customer should not get either.
            let cut = written.filter { reply.signatureItems(at: $0).contains(where: \.isCorporate) }
            for index in cut.reversed() { lines.remove(at: index) }
            return
        }

        // Lines in the body that are never part of a reply ("Sent from my iPhone", disclaimers).
        let strays = written.filter { index in
            !tail.contains(index) && reply.signatureItems(at: index).contains(where: \.isAlwaysSignature)
        }

        if let start = tail.first {
            let startLine = lines[start]
            var replacement: [String] = []
            if ReplyAnatomy.isShortClosing(startLine) {
                replacement = [startLine, first]
            } else if let name = SignOff.closingWithName(startLine, agent: agent),
                      let range = startLine.range(of: name, options: .backwards) {
                // "Best regards, Sam Ortiz" → "Best regards," / "Sam"
                replacement = [String(startLine[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), first]
            } else {
                replacement = [first]
            }
            lines.replaceSubrange(start...lastWritten, with: replacement)
        } else {
            // No sign-off at all: sign under the last line, after a blank one.
            lines.insert(contentsOf: ["", first], at: lastWritten + 1)
        }
        for index in strays.reversed() { lines.remove(at: index) }
        // A cut line may leave two blank lines in a row; fold them.
        var i = 1
        while i < lines.count {
            if lines[i].isBlank && lines[i - 1].isBlank && i <= lastWritten { lines.remove(at: i) } else { i += 1 }
        }
    }

    // MARK: - Greeting

    static func fixGreeting(_ lines: inout [String], _ reply: ReplyAnatomy, customer: Customer) {
        // A guessed name is not put into a greeting: "Hello," instead.
        let first = customer.nameIsGuess ? "" : customer.firstName.trimmed
        let kind = reply.greeting.kind
        if kind == .firstName { return }
        let blocked: Bool = switch kind {
        case .none, .generic, .titled: true
        case .fullName, .lastName: customer.nameIsGuess
        case .neutral, .otherName, .firstName: false
        }
        if first.isEmpty, !blocked { return }

        let word = informalGreetingWord(reply.greeting.phrase) ?? "Hi"
        let greeting = first.isEmpty ? "Hello," : "\(word) \(first),"
        if let index = reply.greetingLine, let range = reply.greeting.range {
            let line = lines[index]
            let rest = line[range.upperBound...]
            let joiner = rest.isEmpty || rest.first?.isWhitespace == true ? "" : " "
            lines[index] = String(line[..<range.lowerBound]) + greeting + joiner + rest
        } else {
            let at = reply.layout.written.first ?? 0
            lines.insert(contentsOf: [greeting, ""], at: at)
        }
    }

    /// Keeps "Hello" or "Hey" from the agent's own greeting; "Dear" becomes "Hi".
    static func informalGreetingWord(_ phrase: String) -> String? {
        guard let token = Token.split(phrase).first else { return nil }
        let informal: Set<String> = ["hi", "hello", "hey", "hiya", "heya", "morning", "afternoon", "evening", "howdy"]
        return informal.contains(token.core.lowercased()) ? token.core : nil
    }
}
