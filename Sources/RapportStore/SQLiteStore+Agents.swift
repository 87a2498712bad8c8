import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// A file vouches for nobody: whoever may open it may act as any agent (its permissions are the boundary).
    public func vouchedIdentity() throws -> VouchedIdentity { .unvouched }

    public func agents() throws -> [Agent] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM agent ORDER BY login").map(Agent.init(row:)) }
    }

    public func agent(login: String) throws -> Agent? {
        try pool.read { db in try Self.agent(db, login: login) }
    }

    /// Inserts the agent as given (`Agents.add` checks the login and the address first); a login or
    /// an address already taken is refused inside the transaction.
    public func addAgent(_ agent: Agent) throws {
        let login = agent.login
        try pool.write { db in
            if try Self.agent(db, login: login) != nil { throw RapportError.duplicateAgent(login) }
            if let other = try String.fetchOne(db, sql: "SELECT login FROM agent WHERE email = ?", arguments: [agent.email]) {
                throw RapportError.invalid("\(agent.email) is already the address of agent '\(other)'")
            }
            try db.execute(sql: "INSERT INTO agent (login, first_name, last_name, email) VALUES (?, ?, ?, ?)",
                           arguments: [login, agent.firstName, agent.lastName, agent.email])
        }
    }

    static func agent(_ db: Database, login: String) throws -> Agent? {
        try Row.fetchOne(db, sql: "SELECT * FROM agent WHERE login = ?", arguments: [login]).map(Agent.init(row:))
    }
}

extension Agent {
    init(row: Row) {
        self.init(login: row["login"], firstName: row["first_name"], lastName: row["last_name"], email: row["email"])
    }
}
