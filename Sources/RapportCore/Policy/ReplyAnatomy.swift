import Foundation

/// A draft reply read once: where the greeting, the body and the sign-off are.
/// Shared by the policy and the automatic fix so that both see the same parts.
struct ReplyAnatomy {
    let layout: DraftLayout
    let agent: Agent
    /// The first written line when it greets the customer; nil when the reply opens without a greeting.
    let greetingLine: Int?
    let greeting: Greeting
    let signOff: SignOff

    init(_ text: String, customer: Customer, agent: Agent) {
        let layout = DraftLayout(text)
        self.layout = layout
        self.agent = agent
        let first = layout.written.first
        let greeting = first.map { Greeting.parse(layout[$0], firstName: customer.firstName, lastName: customer.lastName) }
            ?? Greeting(kind: .none, phrase: "", range: nil)
        self.greeting = greeting
        greetingLine = greeting.kind == .none ? nil : first
        signOff = SignOff.find(layout, after: greetingLine, agent: agent)
    }

    /// 1-based number of the first written line (1 for an empty draft).
    var firstWrittenLine: Int { (layout.written.first ?? 0) + 1 }

    /// A closing line before the name: a known closing, or a few words ending in a comma ("Speak Monday,").
    static func isShortClosing(_ line: String) -> Bool {
        SignOff.isClosing(line) || (line.trimmed.hasSuffix(",") && line.words.count <= 4)
    }

    /// Signature items on a written line, as the signature rule counts them: in the sign-off
    /// every item counts; in the body only those that are never part of a sentence.
    func signatureItems(at index: Int) -> [SignatureItem] {
        let line = layout[index]
        if index == greetingLine { return [] }
        let items = SignatureItem.find(in: line)
        guard !items.isEmpty else { return [] }
        if signOff.lines.contains(index) {
            // The name and closing lines themselves are the sign-off rule's business.
            if SignOff.isName(line, agent.firstName) || SignOff.isName(line, agent.fullName) || SignOff.isClosing(line) { return [] }
            return items
        }
        return items.filter { item in
            item.isAlwaysSignature || ([.legalName, .jobTitle, .postalAddress].contains(item) && SignOff.isSignatureLike(line))
        }
    }

    /// The words between greeting and sign-off with the line each is on (signature lines left out).
    var bodyWords: [(word: Substring, line: Int)] {
        var result: [(Substring, Int)] = []
        if let g = greetingLine, let range = greeting.range {
            // "Hi Dana, thanks for the photos." — the rest of the greeting line is body.
            result += layout[g][range.upperBound...].words.map { ($0, g) }
        }
        let end = signOff.start ?? Int.max
        for index in layout.written where index != greetingLine && index < end && signatureItems(at: index).isEmpty {
            result += layout[index].words.map { ($0, index) }
        }
        return result
    }
}
