import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Replies.queue: every rule of sending, whoever asks")
struct RepliesTests {
    /// Dana's conversation with Sam, where her first message (q1@example.org) came `hoursAgo`.
    func danaWrote(_ f: AppFixture, hoursAgo: Double) throws -> ConversationID {
        let id = try f.conversation(try f.customer())
        try f.inbound(id, from: "dana@example.org", id: "q1@example.org", hoursAgo: hoursAgo)
        return id
    }

    @Test("a formal reply to an existing customer is refused through the application API, with the policy's reasons")
    func policyCannotBeBypassed() throws {
        let f = try AppFixture()
        let id = try danaWrote(f, hoursAgo: 2)
        let formal = """
            Dear Valued Customer,

            We are pleased to confirm that your renewal has been processed.

            Kind regards,
            The Customer Service Team
            """
        let before = try f.replyRows()
        do {
            try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: formal)
            Issue.record("a formal reply was queued")
        } catch RapportError.replyPolicy(let violations) {
            #expect(violations.blocksSending)
            #expect(violations.contains { $0.rule == .greeting && $0.blocks })
            #expect(violations.contains { $0.rule == .signoff && $0.blocks })
        }
        #expect(try f.replyRows() == before, "nothing is written for a refused reply")
    }

    @Test("a reply leaves the conversation pending on the customer, or open when the config says so")
    func afterReplyStatus() throws {
        let f = try AppFixture()
        let id = try danaWrote(f, hoursAgo: 2)
        let reply = "Hi Dana,\n\nAll sorted.\n\nSam"
        try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: reply)
        #expect(try f.store.conversation(id: id)?.status == .pending)
        try f.store.setStatus(.open, conversation: id)
        try Replies(store: f.store, afterReply: .open, clock: { f.now }).queue(conversation: id, agent: "sam", text: reply)
        #expect(try f.store.conversation(id: id)?.status == .open)
    }

    @Test("a first message in a conversation the customer never wrote in keeps its own subject; an answer is Re:")
    func firstContactIsNoReply() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let fresh = try f.store.startConversation(customer: dana.id, subject: "Before it happens: a new fee", at: f.now)
        let text = "Hi Dana,\n\nA heads-up about a new fee.\n\nSam"
        try Replies(store: f.store, clock: { f.now }).queue(conversation: fresh.id, agent: "sam", text: text)
        let first = try #require(try f.store.messages(conversation: fresh.id).last)
        #expect(first.subject == "Before it happens: a new fee" && first.inReplyTo == nil && first.references.isEmpty)

        let answered = try f.conversation(dana)
        try f.inbound(answered, from: "dana@example.org", id: "q9@example.org", hoursAgo: 1)
        try Replies(store: f.store, clock: { f.now }).queue(conversation: answered, agent: "sam", text: text)
        #expect(try f.store.messages(conversation: answered).last?.subject.hasPrefix("Re: ") == true)
    }

    @Test("the config's limits are the ones enforced")
    func limitsComeFromTheCaller() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        let tight = Replies(store: f.store, limits: PolicyLimits(maxWords: 3), clock: { f.now })
        #expect(throws: RapportError.self) { try tight.queue(conversation: id, agent: "sam", text: personalReply()) }
        #expect(try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply()).state == .queued)
    }

    @Test("only the owner may reply; an unowned customer must be taken first")
    func permission() throws {
        let f = try AppFixture()
        let replies = Replies(store: f.store, clock: { f.now })
        let dana = try f.customer()
        let id = try f.conversation(dana)
        #expect(throws: RapportError.notOwner(customer: "Dana Whitfield", owner: "sam")) {
            try replies.queue(conversation: id, agent: "priya", text: personalReply(from: "Priya"))
        }
        let marcus = try f.customer("Marcus", email: "marcus@example.org", owner: nil, existing: false)
        let other = try f.conversation(marcus)
        #expect(throws: RapportError.notOwner(customer: "Marcus Whitfield", owner: nil)) {
            try replies.queue(conversation: other, agent: "sam", text: personalReply(to: "Marcus"))
        }
        #expect(try f.replyRows() == [0, 0])
    }

    @Test("a takeover committed between the checks and the write wins: the store's guard refuses the reply")
    func ownershipGuardAtCommit() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let id = try f.conversation(dana)
        // Decided while Sam owned Dana…
        let decided = QueuedReply(
            message: NewMessage(conversationID: id, direction: .outbound, author: "sam", from: "sam@example.com",
                                to: ["dana@example.org"], subject: "Re: Renewal", text: personalReply(),
                                messageID: "r1@example.com", date: f.now),
            customerID: dana.id, owner: "sam", toAddress: "dana@example.org", marks: [])
        // …then Priya takes her over before the write commits.
        try Ownership(store: f.store).assign(customer: dana.id, to: "priya", by: "priya", note: "Sam is away")
        #expect(throws: RapportError.notOwner(customer: "Dana Whitfield", owner: "priya")) {
            try f.store.queueReply(decided)
        }
        #expect(try f.replyRows() == [0, 0])
    }

    @Test("no reply goes out from an address the customer cannot answer")
    func noReplyAgentRefused() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        // Adding such an agent is refused, so the address is changed underneath, as an old store might hold it.
        try f.store.pool.write { db in
            try db.execute(sql: "UPDATE agent SET email = 'no-reply@example.com' WHERE login = 'sam'")
        }
        #expect(throws: RapportError.noReplyAddress("no-reply@example.com")) {
            try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply())
        }
        #expect(try f.replyRows() == [0, 0])
    }

    @Test("the reply goes to the address the customer last wrote from, in any conversation")
    func recipient() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        try f.store.addAddress("dana@home.example", to: dana.id)
        let older = try f.conversation(dana, hoursAgo: 72)
        try f.inbound(older, from: "dana@example.org", id: "a@example.org", hoursAgo: 70)
        let newer = try f.conversation(dana, subject: "Claim", hoursAgo: 5)
        try f.inbound(newer, from: "dana@home.example", id: "b@home.example", hoursAgo: 4)
        let item = try Replies(store: f.store, clock: { f.now }).queue(conversation: older, agent: "sam", text: personalReply())
        #expect(item.toAddress == "dana@home.example")
        let sent = try #require(try f.store.messages(conversation: older).last)
        #expect(sent.to == ["dana@home.example"] && sent.from == "sam@example.com" && sent.direction == .outbound)
        #expect(sent.date == f.now)
    }

    @Test("a customer who never wrote is written to at their first address")
    func recipientWithoutInbound() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        let item = try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply())
        #expect(item.toAddress == "dana@example.org")
    }

    @Test("In-Reply-To is the newest message with an id; References are its references and itself; notes are skipped")
    func threading() throws {
        let f = try AppFixture()
        let id = try danaWrote(f, hoursAgo: 30)
        try f.inbound(id, from: "dana@example.org", id: "q2@example.org", inReplyTo: "q1@example.org",
                      references: ["q0@example.org", "q1@example.org"], hoursAgo: 3)
        try f.store.addNote(conversation: id, agent: Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"),
                            text: "She prefers email", at: f.now.addingTimeInterval(-60))
        try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply())
        let sent = try #require(try f.store.messages(conversation: id).last)
        #expect(sent.inReplyTo == "q2@example.org")
        #expect(sent.references == ["q0@example.org", "q1@example.org", "q2@example.org"])
        #expect(sent.subject == "Re: Renewal")
        #expect(sent.messageID?.hasSuffix("@example.com") == true)
    }

    @Test("the agent's draft goes with the queued reply")
    func draftRemoved() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        try f.store.saveDraft(Draft(conversationID: id, agent: "sam", kind: .reply, text: personalReply(), cursor: 0, updated: f.now))
        try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply())
        #expect(try f.store.draft(conversation: id, agent: "sam") == nil)
        #expect(try f.store.outbox(states: [.queued]).count == 1)
    }
}
