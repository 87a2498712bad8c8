import Foundation
import RapportCore

/// The team: who may sign in, and who is running a command.
public struct Agents {
    public let store: any WorkflowStore

    public init(store: any WorkflowStore) {
        self.store = store
    }

    /// Adds an agent. Refused: a login that is not letters, digits, '.', '_' or '-'; an address that is
    /// not one, or is a no-reply address (every message comes from someone the customer can answer);
    /// a login or an address already taken.
    public func add(_ agent: Agent) throws {
        var agent = agent
        agent.login = agent.login.trimmingCharacters(in: .whitespaces)
        guard !agent.login.isEmpty, agent.login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw RapportError.invalid("a login is letters, digits, '.', '_' or '-': '\(agent.login)'")
        }
        for (name, field) in [(agent.firstName, "first name"), (agent.lastName, "last name")] {
            if let problem = PersonName.problem(name, field: field) { throw RapportError.invalid(problem) }
        }
        guard EmailAddress.isPlausible(agent.email) else {
            throw RapportError.invalid("'\(agent.email)' is not an email address")
        }
        if NoReply.isNoReplyAddress(agent.email) { throw RapportError.noReplyAddress(agent.email) }
        try store.addAgent(agent)
    }

    public func list() throws -> [Agent] {
        try store.agents()
    }

    /// The agent with this login, if there is one.
    public func find(login: String) throws -> Agent? {
        try store.agent(login: login)
    }

    /// The agent with this login; an unknown login is refused with the list of known agents.
    public func named(_ login: String?) throws -> Agent {
        let known = try store.agents()
        guard let login, let agent = known.first(where: { $0.login == login }) else {
            throw RapportError.unknownAgent(login ?? "(none)", known: known.map(\.login))
        }
        return agent
    }

    /// The agent a command acts as: the login asked for (`--agent` / `$RAPPORT_AGENT`, else `$USER`) as
    /// far as the store vouches for it (`ActingAgent`): on PostgreSQL the connected role, which only an
    /// administrator role may override. Unknown logins are refused with the list of known agents.
    public func acting(asked: String?, user: String?) throws -> Agent {
        let vouched = try store.vouchedIdentity()
        let login = try ActingAgent.login(asked: asked, user: user, vouched: vouched)
        if case let .role(role, isAdministrator: false) = vouched, try store.agent(login: role) == nil {
            let known = try store.agents().map(\.login)
            throw RapportError.invalid("connected to the database as \(role), which is no agent's login (agents: "
                + (known.isEmpty ? "none yet" : known.joined(separator: ", "))
                + "); an administrator adds it with `rapport agent add --login \(role) …`")
        }
        return try named(login)
    }

    /// Figures per agent and for the team: owned, waiting on us, first-reply time, "same person" share.
    public func stats(now: Date = Date(), period: DateInterval? = nil) throws -> TeamStats {
        try store.teamStats(now: now, period: period)
    }
}
