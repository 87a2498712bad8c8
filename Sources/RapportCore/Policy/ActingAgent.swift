/// Which agent a command acts as, from the login asked for and who the store vouches for.
///
/// - Unvouched (SQLite): as asked — `--agent`, else `$RAPPORT_AGENT`, else `$USER`.
/// - A role that is not an administrator: the agent of the role's name. Asking for another login is
///   refused; `$USER` is not consulted (the role is who connected).
/// - An administrator role: as asked with `--agent` / `$RAPPORT_AGENT`, else the role's name.
public enum ActingAgent {
    /// - Parameters:
    ///   - asked: the login given with `--agent` or `$RAPPORT_AGENT` (nil or empty: none given).
    ///   - user: `$USER`, the default when the store vouches for nobody.
    public static func login(asked: String?, user: String?, vouched: VouchedIdentity) throws -> String? {
        let asked = asked.flatMap { $0.isEmpty ? nil : $0 }
        switch vouched {
        case .unvouched:
            return asked ?? user.flatMap { $0.isEmpty ? nil : $0 }
        case let .role(name, isAdministrator: true):
            return asked ?? name
        case let .role(name, isAdministrator: false):
            if let asked, asked != name { throw refusal(role: name, asked: asked) }
            return name
        }
    }

    /// The refusal for a role that asks to act as another agent.
    public static func refusal(role: String, asked: String) -> RapportError {
        .invalid("connected to the database as \(role): only an administrator role may act as \(asked)")
    }
}
