import Foundation

/// A person on the team who answers customers. Identified by a login.
public struct Agent: Sendable, Hashable, Codable {
    public var login: String
    public var firstName: String
    public var lastName: String
    public var email: String

    public init(login: String, firstName: String, lastName: String, email: String) {
        self.login = login
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
    }

    public var fullName: String {
        PersonName.full(first: firstName, last: lastName)
    }
}
