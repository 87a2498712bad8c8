import Foundation
import RapportCore

/// The agent picker: choose an agent by typing part of a name or login — an owner to assign (`a`),
/// whose conversations to list (`o`), or who covers while this agent is away (`A`).
public struct AgentPicker: Sendable, Hashable, FilterPicker {
    public enum Purpose: Sendable, Hashable {
        /// The customers that will get the chosen owner.
        case assign([AssignTarget])
        case listOwner
        /// This agent is away until then; the chosen agent covers.
        case cover(until: Date)
    }

    public var purpose: Purpose
    /// The name or login typed so far.
    public var input = LineInput()
    public var filter: String { input.text }
    /// Index into the ranked matches.
    public var selected = 0

    public init(_ purpose: Purpose) {
        self.purpose = purpose
    }

    /// The customers an assignment is for (none for the other purposes).
    public var targets: [AssignTarget] {
        if case .assign(let targets) = purpose { targets } else { [] }
    }

    /// Agents matching `filter`, best first.
    public func matches(_ agents: [Agent]) -> [Agent] {
        Self.ranked(agents, filter: filter)
    }

    /// Agents whose first name, last name or login match `filter`, case- and accent-insensitively.
    /// A whole-word match ranks before a prefix match, a prefix before a match inside a word;
    /// first names before last names before logins; then alphabetical.
    public static func ranked(_ agents: [Agent], filter: String) -> [Agent] {
        let needle = fold(filter.trimmingCharacters(in: .whitespaces))
        let scored: [(Int, Agent)] = agents.compactMap { agent in
            if needle.isEmpty { return (0, agent) }
            let fields = [agent.firstName, agent.lastName, agent.login, agent.fullName].map(fold)
            var best: Int?
            for (rank, field) in fields.enumerated() {
                let score: Int?
                if field == needle { score = rank }
                else if field.hasPrefix(needle) { score = 10 + rank }
                else if field.contains(needle) { score = 20 + rank }
                else { score = nil }
                if let score, score < (best ?? .max) { best = score }
            }
            return best.map { ($0, agent) }
        }
        return scored.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            let an = fold(a.1.fullName), bn = fold(b.1.fullName)
            return an != bn ? an < bn : a.1.login < b.1.login
        }.map(\.1)
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
