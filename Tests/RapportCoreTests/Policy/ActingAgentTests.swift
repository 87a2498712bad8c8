import Testing
import RapportCore

@Suite("acting agent: who the store vouches for")
struct ActingAgentTests {
    static let sam = VouchedIdentity.role(name: "sam", isAdministrator: false)
    static let lead = VouchedIdentity.role(name: "lead", isAdministrator: true)

    @Test("a SQLite store vouches for nobody: --agent, else $RAPPORT_AGENT, else $USER, as before")
    func unvouchedActsAsAsked() throws {
        #expect(try ActingAgent.login(asked: "priya", user: "sam", vouched: .unvouched) == "priya")
        #expect(try ActingAgent.login(asked: nil, user: "sam", vouched: .unvouched) == "sam")
        #expect(try ActingAgent.login(asked: "", user: "sam", vouched: .unvouched) == "sam")
        #expect(try ActingAgent.login(asked: nil, user: nil, vouched: .unvouched) == nil)
        #expect(try ActingAgent.login(asked: nil, user: "", vouched: .unvouched) == nil)
    }

    @Test("an agent's role acts as itself, by default and when asked by name")
    func agentRoleActsAsItself() throws {
        #expect(try ActingAgent.login(asked: nil, user: "priya", vouched: Self.sam) == "sam", "$USER is not consulted")
        #expect(try ActingAgent.login(asked: "sam", user: "priya", vouched: Self.sam) == "sam")
        #expect(try ActingAgent.login(asked: "", user: nil, vouched: Self.sam) == "sam")
    }

    @Test("an agent's role cannot act as someone else")
    func agentRoleCannotActAsAnother() {
        #expect(throws: RapportError.invalid("connected to the database as sam: only an administrator role may act as priya")) {
            try ActingAgent.login(asked: "priya", user: "sam", vouched: Self.sam)
        }
    }

    @Test("an administrator role acts as asked, by default as its own name")
    func administratorActsAsAsked() throws {
        #expect(try ActingAgent.login(asked: "priya", user: "sam", vouched: Self.lead) == "priya")
        #expect(try ActingAgent.login(asked: nil, user: "sam", vouched: Self.lead) == "lead")
    }
}
