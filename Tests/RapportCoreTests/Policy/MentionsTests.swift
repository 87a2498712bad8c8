import Foundation
import RapportCore
import Testing

@Suite("Mentions: @login or @FirstName in a note")
struct MentionsTests {
    static let team = [
        Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@acme.example"),
        Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@acme.example"),
        Agent(login: "jpark", firstName: "Jo", lastName: "Park", email: "jo@acme.example"),
        Agent(login: "jlee", firstName: "Jo", lastName: "Lee", email: "jo2@acme.example"),
        Agent(login: "zoe", firstName: "Zoë", lastName: "Ng", email: "zoe@acme.example"),
    ]

    @Test("logins and unique first names, any case or accent, in order, once each", arguments: [
        ("@sam can you call her?", ["sam"]),
        ("Thanks @Priya. And @SAM, see above; @sam again", ["priya", "sam"]),
        ("cc @zoe and @Zoe", ["zoe"]),
        ("(@priya)", ["priya"]),
        ("@jlee knows", ["jlee"]),
    ])
    func found(_ text: String, _ logins: [String]) {
        #expect(Mentions.logins(in: text, agents: Self.team) == logins)
    }

    @Test("addresses, unknown names and ambiguous first names are text", arguments: [
        "write to sam@acme.example", "@nobody here", "@Jo is two people", "@ sam", "a.@sam", "email@priya",
    ])
    func notMentions(_ text: String) {
        #expect(Mentions.logins(in: text, agents: Self.team).isEmpty)
    }
}
