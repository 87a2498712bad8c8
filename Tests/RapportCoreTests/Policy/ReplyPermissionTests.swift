import Testing
import RapportCore

@Suite("owner-only replies")
struct ReplyPermissionTests {
    let priya = Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@acme.example")

    @Test func theOwnerMayReply() {
        #expect(ReplyPermission.refusal(customer: Fixtures.dana, owner: Fixtures.sam, agent: Fixtures.sam) == nil)
    }

    @Test func anyoneElseIsPointedAtTakingOverOrANote() {
        #expect(ReplyPermission.refusal(customer: Fixtures.dana, owner: Fixtures.sam, agent: priya)
                == "Dana is looked after by Sam — t to take over (handoff note), n for an internal note")
    }

    @Test func unassignedCustomersMustBeTakenFirst() {
        var dana = Fixtures.dana
        dana.owner = nil
        #expect(ReplyPermission.refusal(customer: dana, owner: nil, agent: Fixtures.sam)
                == "Dana has no owner yet — t to take them, n for an internal note")
    }
}
