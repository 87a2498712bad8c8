import Foundation
import RapportCore

extension PostgresStore {
    /// The role the server authenticated, and whether it is an administrator (`rapport_is_administrator()`,
    /// migration v18: a superuser, the database's owner or a member of the owner's role).
    public func vouchedIdentity() throws -> VouchedIdentity {
        try read { db in
            guard let row = try db.row("SELECT current_user::text AS name, rapport_is_administrator() AS admin") else {
                throw RapportError.invalid("the PostgreSQL store \(location) did not say who is connected")
            }
            return .role(name: row["name"], isAdministrator: row["admin"])
        }
    }

    public func agents() throws -> [Agent] {
        try read { db in try db.rows("SELECT * FROM agent ORDER BY login").map(Agent.init(row:)) }
    }

    public func agent(login: String) throws -> Agent? {
        try read { db in try Self.agent(db, login: login) }
    }

    /// Inserts the agent as given (`Agents.add` checks the login and the address first); a login or
    /// an address already taken is refused inside the transaction.
    public func addAgent(_ agent: Agent) throws {
        try write { db in
            if try Self.agent(db, login: agent.login) != nil { throw RapportError.duplicateAgent(agent.login) }
            if let other = try db.value("SELECT login FROM agent WHERE lower(email) = lower($1)", [agent.email], as: String.self) {
                throw RapportError.invalid("\(agent.email) is already the address of agent '\(other)'")
            }
            try db.execute("INSERT INTO agent (login, first_name, last_name, email) VALUES ($1, $2, $3, $4)",
                           [agent.login, agent.firstName, agent.lastName, agent.email])
        }
    }

    static func agent(_ db: PostgresSession, login: String) throws -> Agent? {
        try db.row("SELECT * FROM agent WHERE login = $1", [login]).map(Agent.init(row:))
    }

    static func logins(_ db: PostgresSession) throws -> [String] {
        try db.rows("SELECT login FROM agent ORDER BY login").map { $0[0] }
    }
}

extension Agent {
    init(row: SQLRow) {
        self.init(login: row["login"], firstName: row["first_name"], lastName: row["last_name"], email: row["email"])
    }
}
