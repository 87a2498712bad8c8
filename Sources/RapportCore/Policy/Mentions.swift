import Foundation

/// `@login` or `@FirstName` in an internal note: the agents it tells.
///
/// A mention starts at an `@` that does not follow a letter, digit or dot (so `sam@example.com` is an
/// address, not a mention) and runs over letters, digits, `-`, `_` and `.` (a trailing dot ends the
/// sentence). It names an agent by login, or by first name when exactly one agent has it; case and
/// accents do not matter. Anything else is left as text.
public enum Mentions {
    /// The logins mentioned in `text`, in order of first mention, without repeats.
    public static func logins(in text: String, agents: [Agent]) -> [String] {
        var found: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "@" else { continue }
            if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "." { continue }
            var j = i + 1
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || "-_.".contains(chars[j]) { j += 1 }
            var word = String(chars[(i + 1)..<j])
            while word.hasSuffix(".") { word.removeLast() }
            guard !word.isEmpty, let login = agent(named: word, in: agents) else { continue }
            if !found.contains(login) { found.append(login) }
        }
        return found
    }

    static func agent(named word: String, in agents: [Agent]) -> String? {
        let key = fold(word)
        if let byLogin = agents.first(where: { fold($0.login) == key }) { return byLogin.login }
        let byName = agents.filter { !$0.firstName.isEmpty && fold($0.firstName) == key }
        return byName.count == 1 ? byName[0].login : nil
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
