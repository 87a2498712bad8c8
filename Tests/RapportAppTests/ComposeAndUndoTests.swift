import Foundation
import GRDB
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Replies.start and Undo: a new conversation under the reply's rules; u within a minute")
struct ComposeAndUndoTests {
    func conversationCount(_ f: AppFixture) throws -> Int {
        try f.store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM conversation") ?? 0 }
    }

    @Test("a new conversation: its own subject, no Re:, no In-Reply-To, queued to the customer's address")
    func startsAConversation() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let item = try Replies(store: f.store, clock: { f.now })
            .start(customer: dana.id, agent: "sam", subject: "  Your new card  ", text: personalReply())
        #expect(item.toAddress == "dana@example.org" && item.state == .queued)
        let conversation = try #require(try f.store.conversation(id: item.conversationID))
        #expect(conversation.subject == "Your new card" && conversation.customerID == dana.id)
        let message = try #require(try f.store.messages(conversation: conversation.id).first)
        #expect(message.subject == "Your new card" && message.inReplyTo == nil && message.references.isEmpty)
    }

    @Test("refused before anything is written: not the owner, no subject, the policy, an empty text")
    func refusalsLeaveNothing() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let eli = try f.customer("Eli", email: "eli@example.org", owner: nil)
        let replies = Replies(store: f.store, clock: { f.now })
        #expect(throws: RapportError.notOwner(customer: "Dana Whitfield", owner: "sam")) {
            try replies.start(customer: dana.id, agent: "priya", subject: "Hello", text: personalReply(from: "Priya"))
        }
        #expect(throws: RapportError.notOwner(customer: "Eli Whitfield", owner: nil)) {
            try replies.start(customer: eli.id, agent: "sam", subject: "Hello", text: personalReply(to: "Eli"))
        }
        #expect(throws: RapportError.invalid("a new conversation needs a subject (one line)")) {
            try replies.start(customer: dana.id, agent: "sam", subject: "  ", text: personalReply())
        }
        #expect(throws: RapportError.self) {
            try replies.start(customer: dana.id, agent: "sam", subject: "Hello", text: "Dear Customer,\n\nKind regards,\nThe Team")
        }
        #expect(throws: RapportError.invalid("an empty message is not sent")) {
            try replies.start(customer: dana.id, agent: "sam", subject: "Hello", text: " \n")
        }
        #expect(try conversationCount(f) == 0)
        #expect(try f.replyRows() == [0, 0])
    }

    @Test("undoing a status goes back to the one before, only while the conversation still has the new one")
    func undoStatus() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        try f.store.setStatus(.closed, conversation: id)
        let change = UndoableChange(.status(id, from: .open, to: .closed), at: f.now, label: "Dana Whitfield")
        #expect(try Undo(store: f.store, clock: { f.now.addingTimeInterval(59) }).undo(change, by: "sam")
                == "Undone: Dana Whitfield is open again")
        #expect(try f.store.conversation(id: id)?.status == .open)
        #expect(throws: RapportError.self, "the conversation is no longer closed") {
            try Undo(store: f.store, clock: { f.now }).undo(change, by: "sam")
        }
    }

    @Test("the window is a minute, by the use case's clock")
    func undoWindow() throws {
        let f = try AppFixture()
        let id = try f.conversation(try f.customer())
        try f.store.setStatus(.pending, conversation: id)
        let change = UndoableChange(.status(id, from: .open, to: .pending), at: f.now, label: "Dana Whitfield")
        #expect(change.isUndoable(now: f.now.addingTimeInterval(60)) && !change.isUndoable(now: f.now.addingTimeInterval(61)))
        #expect(throws: RapportError.invalid("too late to undo: a change can be undone for 60 s")) {
            try Undo(store: f.store, clock: { f.now.addingTimeInterval(61) }).undo(change, by: "sam")
        }
        #expect(try f.store.conversation(id: id)?.status == .pending)
    }

    @Test("undoing an assignment is a new log entry with a note; a customer taken since is left alone")
    func undoAssignment() throws {
        let f = try AppFixture()
        let eli = try f.customer("Eli", email: "eli@example.org", owner: nil)
        let ownership = Ownership(store: f.store, clock: { f.now })
        let take = try ownership.assign(customer: eli.id, to: "sam", by: "sam", note: nil)
        let change = UndoableChange(.owners([take]), at: f.now, label: "Eli Whitfield")
        let undo = Undo(store: f.store, clock: { f.now.addingTimeInterval(10) })
        #expect(try undo.undo(change, by: "sam") == "Undone: Eli Whitfield is back with Unassigned")
        let log = try f.store.assignments(customer: eli.id)
        #expect(log.map(\.to) == [nil, "sam", nil] || log.map(\.to) == ["sam", nil], "\(log)")
        #expect(log.last?.note == "undo: the change to sam was taken back" && log.last?.by == "sam")

        // Priya took Eli since Sam's take: undoing Sam's take must not take Eli from her.
        let again = try ownership.assign(customer: eli.id, to: "sam", by: "sam", note: nil)
        try ownership.assign(customer: eli.id, to: "priya", by: "priya", note: "I know Eli")
        #expect(throws: RapportError.self) {
            try undo.undo(UndoableChange(.owners([again]), at: f.now, label: "Eli Whitfield"), by: "sam")
        }
        #expect(try f.store.customer(id: eli.id)?.owner == "priya")
    }
}

@Suite("Worklists.waitingOnUs: my open conversations where the customer wrote last, the longest waiting first")
struct WaitingOnUsWorklistTests {
    @Test func longestWaitingFirst() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let eli = try f.customer("Eli", email: "eli@example.org", owner: "sam")
        let old = try f.conversation(dana, subject: "Old", hoursAgo: 50)
        try f.inbound(old, from: "dana@example.org", id: "o1@example.org", hoursAgo: 50)
        let recent = try f.conversation(eli, subject: "Recent", hoursAgo: 2)
        try f.inbound(recent, from: "eli@example.org", id: "r1@example.org", hoursAgo: 2)
        let answered = try f.conversation(dana, subject: "Answered", hoursAgo: 80)
        try f.inbound(answered, from: "dana@example.org", id: "a1@example.org", hoursAgo: 80)
        try Replies(store: f.store, afterReply: .open, clock: { f.now }).queue(conversation: answered, agent: "sam", text: personalReply())
        let pending = try f.conversation(eli, subject: "Pending", hoursAgo: 90)
        try f.inbound(pending, from: "eli@example.org", id: "p1@example.org", hoursAgo: 90)
        try f.store.setStatus(.pending, conversation: pending)

        let waiting = try Worklists(store: f.store, clock: { f.now }).waitingOnUs(agent: "sam")
        #expect(waiting.map(\.subject) == ["Old", "Recent"])
        #expect(waiting.first?.waitingOnUsSince == f.now.addingTimeInterval(-50 * 3600))
        #expect(try Worklists(store: f.store, clock: { f.now }).waitingOnUs(agent: "priya").isEmpty)
    }
}
