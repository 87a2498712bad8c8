/// Who the store itself says is connected, independently of what the command line asks for.
///
/// A SQLite file vouches for nobody: whoever may open the file may act as any agent (the file's
/// permissions are the boundary). A PostgreSQL server authenticated the role that connected: that
/// role is the agent of the same login, and an administrator role (a superuser, the database's
/// owner, or a member of the owner's role) may act as any agent.
public enum VouchedIdentity: Sendable, Equatable {
    case unvouched
    case role(name: String, isAdministrator: Bool)
}

/// Reads who the store vouches for (one read, no decision: `ActingAgent` decides).
public protocol IdentityVouching: Sendable {
    func vouchedIdentity() throws -> VouchedIdentity
}
