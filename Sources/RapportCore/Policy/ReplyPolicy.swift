import Foundation

/// The rules that keep a reply personal, in one place: the composer, `rapport lint` and the
/// template tests all call `check`.
///
/// Existing customers get the strict set (`greeting`, `signoff`, `signature`, `noreply`,
/// `length`). New customers get the relaxed set: a first-name greeting when the name is known,
/// a short personal signature allowed, `noreply`, and a `referral-question` warning when we do
/// not yet know how they heard about us.
public enum ReplyPolicy {
    /// Checks a draft reply to `customer` written by `agent`; violations are ordered by line.
    /// Quoted text (`> …`, "On … wrote:" and what follows) is not part of the reply.
    /// `cover`, when `agent` answers for an away owner: an existing customer must be told (`cover` rule).
    public static func check(_ draft: String, customer: Customer, agent: Agent, isExisting: Bool,
                             limits: PolicyLimits = .standard, cover: CoverNote? = nil) -> [Violation] {
        let reply = ReplyAnatomy(draft, customer: customer, agent: agent)
        var violations: [Violation] = []
        violations += greetingRule(reply, customer: customer, isExisting: isExisting)
        violations += signOffRule(reply, agent: agent, isExisting: isExisting)
        violations += signatureRule(reply, isExisting: isExisting)
        violations += noReplyRule(reply)
        violations += slotRule(draft, reply)
        if let cover, isExisting { violations += coverRule(reply, cover) }
        if isExisting {
            violations += lengthRule(reply, limits: limits)
        } else if !customer.hasReferralAnswer {
            violations += referralRule(reply)
        }
        return violations.sorted { ($0.line, order($0.rule)) < ($1.line, order($1.rule)) }
    }

    /// Checks with the customer's own `isExisting` flag.
    public static func check(_ draft: String, customer: Customer, agent: Agent,
                             limits: PolicyLimits = .standard) -> [Violation] {
        check(draft, customer: customer, agent: agent, isExisting: customer.isExisting, limits: limits)
    }

    static func order(_ rule: PolicyRule) -> Int { PolicyRule.allCases.firstIndex(of: rule) ?? 0 }

    // MARK: - greeting

    static func greetingRule(_ reply: ReplyAnatomy, customer: Customer, isExisting: Bool) -> [Violation] {
        let first = customer.firstName.trimmed
        let line = reply.greetingLine.map { $0 + 1 } ?? reply.firstWrittenLine
        // A name guessed from an address ("J" from j.smith82@…) is not one to insist on: a neutral
        // greeting passes, and greeting them by the name the agent knows is only worth a warning.
        let guessed = customer.nameIsGuess
        let suggestion = first.isEmpty || guessed ? "\"Hello,\"" : "\"Hi \(first),\""
        func block(_ message: String) -> [Violation] {
            [Violation(rule: .greeting, line: line, severity: .block, message: message)]
        }
        let phrase = reply.greeting.phrase.trimmingCharacters(in: CharacterSet(charactersIn: ",!:;—–- "))
        switch reply.greeting.kind {
        case .firstName:
            return []
        case .none:
            return block("The reply does not open with a greeting; start with \(suggestion).")
        case .neutral:
            if first.isEmpty || guessed { return [] }
            return block("\"\(phrase)\" does not use \(first)'s name; start with \(suggestion).")
        case .generic:
            return block("\"\(phrase)\" reads like a form letter; greet \(first.isEmpty || guessed ? "them" : first) by name: \(suggestion).")
        case .titled:
            return block("\"\(phrase)\" is formal; greet \(first.isEmpty || guessed ? "them" : first) by first name: \(suggestion).")
        case .fullName:
            return block("\"\(phrase)\" uses the full name; greet by first name alone: \(guessed ? "\"Hi \(first),\" or \(suggestion)" : suggestion).")
        case .lastName:
            return block("\"\(phrase)\" uses the last name; greet by first name: \(guessed ? "\"Hi \(first),\" or \(suggestion)" : suggestion).")
        case let .otherName(name):
            if first.isEmpty { return [] }
            if guessed {
                return [Violation(rule: .greeting, line: line, severity: .warn, message:
                    "\"\(phrase)\" greets \"\(name)\"; the name \(first) was only guessed from the address. "
                    + "If \(name) is right, record it: \(PersonName.howToSetName).")]
            }
            return block("\"\(phrase)\" greets \"\(name)\", but the customer's first name is \(first); start with \(suggestion).")
        }
    }

    // MARK: - signoff

    static func signOffRule(_ reply: ReplyAnatomy, agent: Agent, isExisting: Bool) -> [Violation] {
        let first = agent.firstName.trimmed
        let tail = reply.signOff.lines
        let text = { (i: Int) in reply.layout[i] }
        let lastLine = reply.layout.written.last.map { $0 + 1 } ?? 1

        if !isExisting {
            // New customers may see the full name and a way to reach the agent, but never a faceless team.
            if let team = tail.first(where: { SignOff.isTeamSignOff(text($0)) }) {
                return [Violation(rule: .signoff, line: team + 1, severity: .warn,
                                  message: "\"\(text(team).trimmed)\" signs as a team; sign with your own name so they know who to write back to.")]
            }
            let named = tail.contains { SignOff.isName(text($0), agent.firstName) || SignOff.isName(text($0), agent.fullName)
                || SignOff.closingWithName(text($0), agent: agent) != nil }
            if !named {
                return [Violation(rule: .signoff, line: lastLine, severity: .warn,
                                  message: "Sign with your name (\"\(first)\" or \"\(agent.fullName)\") so they know who to write back to.")]
            }
            return []
        }

        func block(_ line: Int, _ message: String) -> [Violation] {
            [Violation(rule: .signoff, line: line + 1, severity: .block, message: message)]
        }
        if let last = tail.last, SignOff.isName(text(last), first) {
            if tail.count == 1 { return [] }
            if tail.count == 2, ReplyAnatomy.isShortClosing(text(tail[0])) { return [] }
        }
        if let team = tail.first(where: { SignOff.isTeamSignOff(text($0)) }) {
            return block(team, "\"\(text(team).trimmed)\" signs as a team; sign as yourself: \"\(first)\".")
        }
        if let last = reply.layout.written.last, isPostscript(text(last)) || tail.contains(where: { isPostscript(text($0)) }) {
            let ps = reply.layout.written.first { $0 > (reply.greetingLine ?? -1) && isPostscript(text($0)) } ?? last
            return block(ps, "Move the P.S. above your name: \"\(first)\" must be the last line.")
        }
        if agent.fullName != first,
           let full = tail.first(where: { SignOff.isName(text($0), agent.fullName) || SignOff.closingWithName(text($0), agent: agent).map { SignOff.isName($0, agent.fullName) } == true }) {
            return block(full, "Signed with your full name; sign with your first name alone: \"\(first)\".")
        }
        if let joined = tail.first(where: { SignOff.closingWithName(text($0), agent: agent) != nil }) {
            return block(joined, "Put \"\(first)\" alone on the last line, under the closing line.")
        }
        if let name = tail.firstIndex(where: { SignOff.isName(text($0), first) }), name + 1 < tail.count {
            return block(tail[name + 1], "\"\(first)\" must be the last line; cut what follows it (title, company, contact details).")
        }
        return block((tail.last ?? (lastLine - 1)), "End with your first name alone on the last line: \"\(first)\".")
    }

    static func isPostscript(_ line: String) -> Bool {
        let t = line.trimmed.uppercased()
        return t.hasPrefix("P.S") || t.hasPrefix("PS:") || t.hasPrefix("PS ") || t.hasPrefix("P.P.S")
    }

    // MARK: - signature

    static func signatureRule(_ reply: ReplyAnatomy, isExisting: Bool) -> [Violation] {
        var violations: [Violation] = []
        for index in reply.layout.written {
            let items = reply.signatureItems(at: index).filter { isExisting || $0.isCorporate }
            guard !items.isEmpty else { continue }
            let labels = items.prefix(2).map(\.label).joined(separator: " and ")
            let message = isExisting
                ? (items.contains(.delimiter)
                    ? "\"-- \" starts a signature block; cut it and everything under it."
                    : "Cut this signature line (\(labels)): replies to existing customers carry no signature block; they can simply reply to you.")
                : "A short personal signature (your name and a way to reach you) is fine, but not \(labels)."
            violations.append(Violation(rule: .signature, line: index + 1, severity: isExisting ? .block : .warn, message: message))
        }
        return violations
    }

    // MARK: - noreply

    static func noReplyRule(_ reply: ReplyAnatomy) -> [Violation] {
        reply.layout.written.compactMap { index in
            let line = reply.layout[index]
            if let address = NoReply.addresses(in: line).first {
                return Violation(rule: .noreply, line: index + 1, severity: .block,
                                 message: "\(address) is a no-reply address; every message must invite an answer, so give an address a person reads.")
            }
            if let phrase = NoReply.discouragingPhrase(in: line) {
                return Violation(rule: .noreply, line: index + 1, severity: .block,
                                 message: "\"\(phrase)\" tells them not to answer; every message must invite a reply.")
            }
            return nil
        }
    }

    // MARK: - slot

    /// Every unfilled `[[…]]` a template left in the text written (quotes aside) blocks sending.
    static func slotRule(_ draft: String, _ reply: ReplyAnatomy) -> [Violation] {
        let written = Set(reply.layout.written.map { $0 + 1 })
        return TemplateSlot.all(in: draft).filter { written.contains($0.line) }.map { slot in
            let what = slot.label.isEmpty ? "This slot" : "\"\(slot.label)\""
            return Violation(rule: .slot, line: slot.line, severity: .block,
                             message: "\(what) is still to be written: replace the \(TemplateSlot.open)…\(TemplateSlot.close) with your words, or delete it.")
        }
    }

    // MARK: - cover

    /// An existing customer answered by someone else than their owner hears why, and for how long:
    /// the relationship stays with the owner.
    static func coverRule(_ reply: ReplyAnatomy, _ cover: CoverNote) -> [Violation] {
        let text = reply.layout.written.map { reply.layout[$0] }.joined(separator: " ")
        if cover.isTold(in: text) { return [] }
        let body = reply.layout.written.first { $0 > (reply.greetingLine ?? -1) }
        let line = body.map { $0 + 1 } ?? reply.firstWrittenLine
        return [Violation(rule: .cover, line: line, severity: .block,
                          message: "You are covering for \(cover.ownerName): say so and when they are back, e.g. \"\(cover.sentence)\" (Ctrl-F adds it).")]
    }

    // MARK: - length

    static func lengthRule(_ reply: ReplyAnatomy, limits: PolicyLimits) -> [Violation] {
        let words = reply.bodyWords
        guard words.count > limits.maxWords else { return [] }
        let line = words[limits.maxWords].line + 1
        return [Violation(rule: .length, line: line, severity: .block,
                          message: "The reply is \(words.count) words between greeting and sign-off; keep it to \(limits.maxWords) or fewer (cut \(words.count - limits.maxWords)).")]
    }

    // MARK: - referral-question

    static let referralPattern = try! NSRegularExpression(
        pattern: #"\b(?:hear|heard)\s+(?:about|of)\s+us\b|\b(?:find|found)\s+us\b|\b(?:referred|recommended|sent|pointed)\s+you\b|\b(?:brought|led)\s+you\s+(?:to\s+us|our\s+way|here)\b|\bcame\s+across\s+us\b|\bcome\s+across\s+us\b|\bhow\s+you\s+(?:heard|found|came)\b"#,
        options: [.caseInsensitive])

    static func referralRule(_ reply: ReplyAnatomy) -> [Violation] {
        let text = reply.layout.written.map { reply.layout[$0] }.joined(separator: " ")
        if SignatureItem.matches(referralPattern, text) { return [] }
        let line = (reply.signOff.start ?? reply.layout.written.last).map { $0 + 1 } ?? 1
        return [Violation(rule: .referralQuestion, line: line, severity: .warn,
                          message: "Ask how they heard about us (\"How did you hear about us?\"), so we can thank whoever sent them.")]
    }
}
