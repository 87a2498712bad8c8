import Foundation

/// A person on the team who answers customers. Identified by a login.
public struct Agent: Sendable, Hashable, Codable, NamedPerson {
    public var login, firstName, lastName, email: String

    public init(login: String, firstName: String, lastName: String, email: String) {
        self.login = login
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
    }
}
