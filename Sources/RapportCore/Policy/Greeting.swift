import Foundation

/// How the first written line of a reply greets the customer.
struct Greeting: Equatable {
    enum Kind: Equatable {
        /// "Hi Dana,", "Morning Dana —", "Dana,"
        case firstName
        /// Not a greeting at all ("Will you send the form?" to a customer called Will is not one).
        case none
        /// A greeting without a name: "Hi,", "Hello!", "Hi there,".
        case neutral
        /// A form-letter greeting: "Dear customer", "Dear Sir or Madam", "To whom it may concern".
        case generic
        /// A title: "Dear Ms. Whitfield", "Hello Mr Dana Whitfield".
        case titled
        /// "Hi Dana Whitfield,"
        case fullName
        /// "Hi Whitfield,"
        case lastName
        /// A name that is not the customer's first name: "Hi Dan," to Dana.
        case otherName(String)
    }

    var kind: Kind
    /// The greeting as written ("Dear Mr. Whitfield,"), for messages.
    var phrase: String
    /// Where the greeting sits in its line (greeting words, name and the punctuation after it), for the fix.
    var range: Range<String.Index>?

    static let greetingWords: Set<String> = [
        "hi", "hello", "hey", "heya", "hiya", "hallo", "hullo", "howdy", "dear", "dearest", "greetings",
        "morning", "afternoon", "evening", "again", "yo", "g'day", "hola", "bonjour", "ciao", "thanks",
    ]
    static let dayParts: Set<String> = ["morning", "afternoon", "evening", "day"]
    static let neutralWords: Set<String> = ["there", "all", "everyone", "everybody", "folks", "both"]
    static let genericWords: Set<String> = [
        "customer", "client", "member", "sir", "madam", "sir/madam", "friend", "valued", "colleague", "colleagues",
        "policyholder", "account", "user", "subscriber", "team", "patron", "guest", "shopper", "partner", "valued",
    ]
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "mister", "master"]
    /// Punctuation that ends a greeting: "Dana," "Dana!" "Dana —" "Dana:".
    static let enders: Set<Character> = [",", "!", ":", ";", ".", "—", "–", "-"]

    /// Reads the greeting at the start of `line` for a customer with the given names.
    static func parse(_ line: String, firstName: String, lastName: String) -> Greeting {
        let tokens = Token.split(line)
        guard !tokens.isEmpty else { return Greeting(kind: .none, phrase: "", range: nil) }

        if line.trimmed.lowercased().hasPrefix("to whom it may concern") {
            let end = tokens.first { $0.endsGreeting && $0.core.lowercased() == "concern" }?.range.upperBound
                ?? tokens[min(4, tokens.count - 1)].range.upperBound
            return Greeting(kind: .generic, phrase: String(line[tokens[0].range.lowerBound..<end]), range: tokens[0].range.lowerBound..<end)
        }

        // Greeting words: "Hi", "Good morning", "Hi again".
        var i = 0
        while i < tokens.count {
            let word = tokens[i].core.lowercased()
            if word == "good", i + 1 < tokens.count, dayParts.contains(tokens[i + 1].core.lowercased()) { i += 2; continue }
            guard greetingWords.contains(word) else { break }
            i += 1
            if tokens[i - 1].endsGreeting { break }  // "Hi, Dana" goes on; "Hi! How are you" does not
        }
        let greeted = i > 0
        let start = tokens[0].range.lowerBound

        // What follows: a generic word, a title, or up to three capitalised name words.
        var j = i
        var sawTitle = false
        var sawGeneric = false
        var sawNeutral = false
        var names: [String] = []
        var closed = greeted && [".", "!", ":"].contains(tokens[i - 1].text.last ?? " ")
        while !closed, j < tokens.count {
            let token = tokens[j]
            let word = token.core.lowercased()
            if token.core.isEmpty {
                // A lone dash: "Morning Dana — how are you"
                if token.endsGreeting { j += 1; closed = true }
                break
            }
            let isTitle = names.isEmpty && titles.contains(word)
            if isTitle {
                sawTitle = true
            } else if names.isEmpty && (genericWords.contains(word) || (sawGeneric && ["or", "and", "/"].contains(word))) {
                sawGeneric = true
            } else if names.isEmpty && !sawGeneric && neutralWords.contains(word) && greeted {
                sawNeutral = true
            } else if token.core.first?.isUppercase == true || matchesName(token.core, firstName) {
                guard names.count < 3, !sawGeneric else { break }
                names.append(token.core)
            } else {
                break
            }
            j += 1
            if token.endsGreeting && !(isTitle && token.text.last == ".") { closed = true; break }
        }
        let end = j > 0 ? tokens[j - 1].range.upperBound : start
        let range = start..<end
        let phrase = String(line[range])

        if !greeted {
            // A bare name is a greeting only when punctuation follows it: "Will," yes, "Will you…" no.
            guard closed, !names.isEmpty || sawTitle else { return Greeting(kind: .none, phrase: "", range: nil) }
            if sawTitle { return Greeting(kind: .titled, phrase: phrase, range: range) }
            let kind = classify(names, firstName: firstName, lastName: lastName)
            if case .otherName = kind { return Greeting(kind: .none, phrase: "", range: nil) }
            return Greeting(kind: kind, phrase: phrase, range: range)
        }
        if sawGeneric { return Greeting(kind: .generic, phrase: phrase, range: range) }
        if sawTitle { return Greeting(kind: .titled, phrase: phrase, range: range) }
        if names.isEmpty || sawNeutral { return Greeting(kind: .neutral, phrase: phrase, range: range) }
        return Greeting(kind: classify(names, firstName: firstName, lastName: lastName), phrase: phrase, range: range)
    }

    static func classify(_ names: [String], firstName: String, lastName: String) -> Kind {
        let first = firstName.split(separator: " ").map(String.init)
        let last = lastName.split(separator: " ").map(String.init)
        let same = { (a: ArraySlice<String>, b: [String]) in
            !b.isEmpty && a.count == b.count && zip(a, b).allSatisfy { matchesName($0, $1) }
        }
        if !first.isEmpty, names.count >= first.count, same(names.prefix(first.count), first) {
            let rest = names.dropFirst(first.count)
            if !rest.isEmpty, same(rest.prefix(last.count), last) { return .fullName }
            return .firstName
        }
        if same(names[...], last) || (!last.isEmpty && names.count == 1 && matchesName(names[0], last.last!)) {
            return .lastName
        }
        return .otherName(names.joined(separator: " "))
    }

    /// Names compare without case or accents: "dana" is "Dana", "Zoe" is "Zoë".
    static func matchesName(_ a: String, _ b: String) -> Bool {
        !b.isEmpty && a.compare(b, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }
}

/// A whitespace-separated word of a line with its position; `core` is the word without punctuation around it.
struct Token {
    var range: Range<String.Index>
    var text: Substring
    var core: String
    /// The word ends with punctuation that closes a greeting ("Dana," "Dana!"), or is a lone dash.
    var endsGreeting: Bool

    static func split(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var i = line.startIndex
        while i < line.endIndex {
            while i < line.endIndex, line[i].isWhitespace { i = line.index(after: i) }
            guard i < line.endIndex else { break }
            let start = i
            while i < line.endIndex, !line[i].isWhitespace { i = line.index(after: i) }
            let text = line[start..<i]
            let core = text.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols).subtracting(CharacterSet(charactersIn: "'/")))
            let endsGreeting = text.last.map { Greeting.enders.contains($0) } ?? false
            tokens.append(Token(range: start..<i, text: text, core: core, endsGreeting: endsGreeting))
        }
        return tokens
    }
}
