import Foundation

/// The end of a reply: the closing line, the name and anything signed under it.
struct SignOff {
    /// Non-blank line indices from the first sign-off line to the end of the reply; empty when
    /// nothing at the end reads as a sign-off.
    var lines: [Int]

    var start: Int? { lines.first }

    /// Closing lines that may stand before the name ("Thanks," then "Sam").
    static let closings: Set<String> = [
        "thanks", "thank you", "thanks so much", "thanks again", "many thanks", "thanks a lot", "with thanks",
        "cheers", "best", "all the best", "best wishes", "warm wishes", "best regards", "kind regards", "regards",
        "warm regards", "warmest regards", "warmly", "sincerely", "yours sincerely", "sincerely yours",
        "yours faithfully", "yours truly", "respectfully", "talk soon", "speak soon", "talk to you soon",
        "take care", "have a great day", "have a good day", "have a lovely day", "have a great weekend",
        "see you soon", "love", "yours", "thx", "ta", "until next time", "with best wishes", "with kind regards",
    ]

    /// Finds the sign-off of the written reply lines after the greeting line.
    static func find(_ layout: DraftLayout, after greeting: Int?, agent: Agent) -> SignOff {
        let written = layout.written.filter { greeting == nil || $0 > greeting! }
        guard !written.isEmpty else { return SignOff(lines: []) }
        // The sign-off starts at the earliest anchor (closing, name, team, delimiter) in the last
        // dozen lines after which every line still reads as part of a signature.
        let window = written.suffix(12)
        for (offset, index) in window.enumerated() where isAnchor(layout[index], agent: agent) {
            let rest = window.dropFirst(offset + 1)
            if rest.allSatisfy({ isAnchor(layout[$0], agent: agent) || isSignatureLike(layout[$0]) }) {
                return SignOff(lines: Array(window.dropFirst(offset)))
            }
        }
        // No anchor: a trailing block of signature lines (title, company, phone) is still a sign-off.
        let trailing = Array(window.reversed().prefix(while: { !SignatureItem.find(in: layout[$0]).isEmpty && isSignatureLike(layout[$0]) }).reversed())
        return SignOff(lines: trailing)
    }

    // MARK: - Line kinds

    static func isAnchor(_ line: String, agent: Agent) -> Bool {
        isClosing(line) || closingWithName(line, agent: agent) != nil || isName(line, agent.firstName)
            || isName(line, agent.fullName) || isTeamSignOff(line) || SignatureItem.find(in: line) == [.delimiter]
    }

    /// "Thanks," "Best regards" "Talk soon!"
    static func isClosing(_ line: String) -> Bool {
        closings.contains(normalised(line))
    }

    /// "Thanks, Sam" or "Best regards, Sam Ortiz": the closing and the name written on one line.
    /// Returns the name part.
    static func closingWithName(_ line: String, agent: Agent) -> String? {
        let t = line.trimmed
        guard let comma = t.firstIndex(where: { $0 == "," || $0 == "—" || $0 == "–" }) else { return nil }
        let closing = String(t[..<comma]), name = String(t[t.index(after: comma)...])
        guard closings.contains(normalised(closing)) else { return nil }
        return isName(name, agent.firstName) || isName(name, agent.fullName) ? name.trimmed : nil
    }

    /// The line is this name alone, perhaps as "— Sam" or "Sam."
    static func isName(_ line: String, _ name: String) -> Bool {
        var bare = line.trimmed.drop(while: { "—–-~ ".contains($0) })
        // A smile after the name is still the name alone: "Sam :)", "Sam 🙂".
        for smile in [":)", ":-)", ";)", ";-)", ":D"] where bare.hasSuffix(smile) { bare = bare.dropLast(smile.count) }
        while let last = bare.last, last.unicodeScalars.first?.properties.isEmojiPresentation == true
            || (last.unicodeScalars.count > 1 && last.unicodeScalars.first?.properties.isEmoji == true) {
            bare = bare.dropLast()
        }
        let trimmedName = bare.trimmingCharacters(in: CharacterSet(charactersIn: ".! "))
        return !name.isEmpty && trimmedName.compare(name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }

    static let teamPattern = try! NSRegularExpression(
        pattern: #"^(?i:(?:(?:warm |kind |best )?(?:regards|wishes|thanks),? )?(?:from )?(?:all of us|everyone|the whole team|the team) at)\b|^(?:[Tt]he )?(?:[A-Z][\w&'-]*\s+){0,4}(?i:team|crew|staff|department|support|customer (?:service|care|success|support))\s*[.!]?$"#)

    /// "The Acme Team", "from all of us at Acme", "Customer Care".
    static func isTeamSignOff(_ line: String) -> Bool {
        let t = line.trimmed
        guard t.words.count <= 8, !t.hasSuffix("?") else { return false }
        return SignatureItem.matches(teamPattern, t)
    }

    /// A line that belongs in a signature: a signature item, or a few capitalised words with no
    /// sentence punctuation ("Account Manager", "Acme Insurance").
    static func isSignatureLike(_ line: String) -> Bool {
        let items = SignatureItem.find(in: line)
        if items.contains(where: \.isAlwaysSignature) { return true }
        let t = line.trimmed
        let words = t.words
        // "Acme Holdings Inc." ends with a full stop but is no sentence; "I called Northwind Inc." is.
        if t.endsLikeSentence && words.count > 4 { return false }
        if !items.isEmpty { return true }
        guard words.count <= 8 else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true }
        return capitalised.count * 2 >= words.count
    }

    static func normalised(_ s: String) -> String {
        s.trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.!—–-~ "))
            .replacingOccurrences(of: "  ", with: " ")
    }
}
