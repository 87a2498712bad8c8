import Foundation
import RapportCore
import Testing
@testable import RapportStore

@Suite struct ConversationTests {
    func seed(_ t: TemporaryStore, conversations: Int) throws -> Customer {
        let dana = try t.customer(owner: "sam")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for i in 0..<conversations {
            // Pairs share a timestamp, so the id must break ties.
            let at = start.addingTimeInterval(Double(i / 2) * 60)
            let c = try t.store.startConversation(customer: dana.id, subject: "Question \(i)", at: at)
            try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "dana@example.org",
                                                 subject: "Question \(i)", text: "Body number \(i) about renewal", date: at))
        }
        return dana
    }

    @Test func keysetPagesWalkEveryRowOnceInOrder() throws {
        let t = try TemporaryStore()
        _ = try seed(t, conversations: 23)
        var seen: [ConversationID] = []
        var cursor: PageCursor?
        while true {
            let page = try t.store.conversations(ConversationQuery(), from: cursor, direction: .after, limit: 5, agent: "sam")
            if page.isEmpty { break }
            seen += page.map(\.id)
            cursor = page.last?.cursor
        }
        #expect(seen.count == 23 && Set(seen).count == 23)
        let all = try t.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 100, agent: "sam")
        #expect(all.map(\.id) == seen)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.lastActivity >= $1.lastActivity })
        // Paging back up from the 10th row gives the 5 rows above it, in list order.
        let up = try t.store.conversations(ConversationQuery(), from: all[9].cursor, direction: .before, limit: 5, agent: "sam")
        #expect(up.map(\.id) == Array(all[4..<9]).map(\.id))
    }

    @Test func filtersByOwnerStatusAndText() throws {
        let t = try TemporaryStore()
        let dana = try seed(t, conversations: 4)
        let marcus = try t.customer("Marcus", email: "marcus@example.org")
        let c = try t.store.startConversation(customer: marcus.id, subject: "Windscreen chip", at: Date())
        try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "marcus@example.org",
                                             subject: "Windscreen chip", text: "A stone hit the glass", date: Date()))
        func ids(_ q: ConversationQuery) throws -> [ConversationID] {
            try t.store.conversations(q, from: nil, direction: .after, limit: 50, agent: "sam").map(\.id)
        }
        #expect(try ids(ConversationQuery(owner: .unassigned)) == [c.id])
        #expect(try ids(ConversationQuery(owner: .agent("sam"))).count == 4)
        #expect(try ids(ConversationQuery(text: "windscr")) == [c.id])
        #expect(try ids(ConversationQuery(text: "glass stone")) == [c.id])
        #expect(try ids(ConversationQuery(text: "\"unbalanced NEAR( * -")).isEmpty)
        try t.store.setStatus(.pending, conversation: c.id)
        #expect(try ids(ConversationQuery(statuses: [.pending])) == [c.id])
        #expect(try t.store.counts(agent: "sam") == InboxCounts(mine: 4, unassigned: 1, pending: 0))
        _ = dana
    }

    @Test func fullTextIndexFollowsEdits() throws {
        let t = try TemporaryStore()
        _ = try seed(t, conversations: 1)
        try t.store.pool.write { db in try db.execute(sql: "UPDATE message SET text = 'flooded basement'") }
        let q = { (text: String) in
            try t.store.conversations(ConversationQuery(text: text), from: nil, direction: .after, limit: 5, agent: "sam")
        }
        #expect(try q("renewal").isEmpty)
        #expect(try q("basement").count == 1)
    }

    @Test func inboundReopensAndMarksUnreadUntilSeen() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let c = try t.store.startConversation(customer: dana.id, subject: "Hello", at: Date(timeIntervalSince1970: 100))
        try t.store.setStatus(.closed, conversation: c.id)
        try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "dana@example.org",
                                             subject: "Hello", text: "Me again", date: Date(timeIntervalSince1970: 200)))
        #expect(try t.store.conversation(id: c.id)?.status == .open)
        let row = { try t.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 1, agent: "sam")[0] }
        #expect(try row().unread)
        try t.store.markSeen(conversation: c.id, agent: "sam", at: Date(timeIntervalSince1970: 300))
        #expect(try !row().unread)
        #expect(try t.store.customer(id: dana.id)?.isExisting == false)
        try t.store.appendMessage(NewMessage(conversationID: c.id, direction: .outbound, author: "sam", from: "sam@example.com",
                                             subject: "Re: Hello", text: "Hi Dana", date: Date(timeIntervalSince1970: 400)))
        #expect(try t.store.customer(id: dana.id)?.isExisting == true)
    }

    @Test func oneDraftPerConversationAndAgent() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let c = try t.store.startConversation(customer: dana.id, subject: "Hello", at: Date())
        try t.store.saveDraft(Draft(conversationID: c.id, agent: "sam", kind: .reply, text: "Hi Da", cursor: 5, updated: Date()))
        try t.store.saveDraft(Draft(conversationID: c.id, agent: "sam", kind: .reply, text: "Hi Dana,", cursor: 8, updated: Date()))
        #expect(try t.store.draft(conversation: c.id, agent: "sam")?.text == "Hi Dana,")
        #expect(try t.store.draft(conversation: c.id, agent: "priya") == nil)
        try t.store.deleteDraft(conversation: c.id, agent: "sam")
        #expect(try t.store.draft(conversation: c.id, agent: "sam") == nil)
    }

    @Test func addingANoteRemovesItsDraftInTheSameTransaction() throws {
        let t = try TemporaryStore()
        let dana = try t.customer(owner: "sam")
        let c = try t.store.startConversation(customer: dana.id, subject: "Hello", at: Date())
        try t.store.saveDraft(Draft(conversationID: c.id, agent: "sam", kind: .note, text: "Call after 5", cursor: 12, updated: Date()))
        let sam = try #require(try t.store.agent(login: "sam"))
        let note = try t.store.addNote(conversation: c.id, agent: sam, text: "Call after 5", at: Date())
        #expect(note.direction == .note && note.author == "sam")
        #expect(try t.store.draft(conversation: c.id, agent: "sam") == nil)
        #expect(throws: RapportError.self) { try t.store.addNote(conversation: 999, agent: sam, text: "x", at: Date()) }
    }

    @Test func changeTokenMovesWhenAnotherConnectionCommits() throws {
        let t = try TemporaryStore()
        let before = try t.store.changeToken()
        #expect(try t.store.changeToken() == before)
        let other = try SQLiteStore(path: t.path)
        try other.addCustomer(NewCustomer(firstName: "Eve", lastName: "", email: "eve@example.org"), by: nil)
        #expect(try t.store.changeToken() != before)
    }
}
