import Foundation
import RapportCore
import Testing

/// Snoozes: out of the lists and counts until woken; the customer's message ends one; waking is conditional.
@Suite struct SnoozeContractTests {
    func listed(_ s: ContractStore, _ query: ConversationQuery = ConversationQuery()) throws -> [ConversationID] {
        try s.store.conversations(query, from: nil, direction: .after, limit: 50, agent: "sam").map(\.id)
    }

    @Test(arguments: StoreFactories.all)
    func aSnoozedConversationLeavesTheListsAndCountsButNotSearch(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let a = try s.conversation(with: dana, subject: "Leak", text: "Water everywhere", at: ContractStore.t0)
        let b = try s.conversation(with: dana, subject: "Quote", at: ContractStore.t0.addingTimeInterval(60))
        try s.store.setSnooze(conversation: a.id, until: ContractStore.t0.addingTimeInterval(86_400))
        #expect(try listed(s) == [b.id])
        #expect(try listed(s, ConversationQuery(owner: .agent("sam"), statuses: [.open, .pending])) == [b.id])
        #expect(try s.store.counts(agent: "sam").mine == 1)
        #expect(try listed(s, ConversationQuery(text: "water", includeSnoozed: true)) == [a.id])
        #expect(try s.store.conversation(id: a.id)?.snoozedUntil == ContractStore.t0.addingTimeInterval(86_400))
        try s.store.setSnooze(conversation: a.id, until: nil)
        #expect(try Set(listed(s)) == [a.id, b.id])
        #expect(throws: RapportError.self) { try s.store.setSnooze(conversation: 9_999, until: ContractStore.t0) }
    }

    @Test(arguments: StoreFactories.all)
    func theCustomersMessageEndsASnoozeAndOurReplyDoesNot(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        try s.store.setSnooze(conversation: c.id, until: ContractStore.t0.addingTimeInterval(86_400))
        try s.store.addNote(conversation: c.id, agent: ContractStore.sam, text: "Waiting for the photos", at: ContractStore.t0.addingTimeInterval(10))
        _ = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nSend photos.\n\nSam",
                                at: ContractStore.t0.addingTimeInterval(20))
        #expect(try s.store.conversation(id: c.id)?.snoozedUntil != nil, "a note and our reply keep it snoozed")
        try s.inbound(c.id, from: dana, text: "Photos attached", at: ContractStore.t0.addingTimeInterval(30))
        #expect(try s.store.conversation(id: c.id)?.snoozedUntil == nil)
        #expect(try s.store.snoozedConversations().isEmpty)
        #expect(try listed(s) == [c.id])
    }

    @Test(arguments: StoreFactories.all)
    func wakingIsForDueSnoozesOnlyAndBringsItBackOpenUnreadOnTop(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let a = try s.conversation(with: dana, subject: "A", at: ContractStore.t0)
        let b = try s.conversation(with: dana, subject: "B", at: ContractStore.t0.addingTimeInterval(60))
        let c = try s.conversation(with: dana, subject: "C", at: ContractStore.t0.addingTimeInterval(120))
        try s.store.markSeen(conversation: a.id, agent: "sam", at: ContractStore.t0.addingTimeInterval(130))
        try s.store.markSeen(conversation: a.id, agent: "priya", at: ContractStore.t0.addingTimeInterval(130))
        try s.store.setStatus(.closed, conversation: a.id)
        let due = ContractStore.t0.addingTimeInterval(3_600)
        try s.store.setSnooze(conversation: c.id, until: due.addingTimeInterval(86_400))
        try s.store.setSnooze(conversation: a.id, until: due)
        #expect(try s.store.snoozedConversations().map(\.id) == [a.id, c.id], "the soonest back first")
        #expect(try s.store.wakeConversation(a.id, at: due.addingTimeInterval(-1)) == false, "not due yet")
        #expect(try s.store.wakeConversation(b.id, at: due) == false, "not snoozed")
        #expect(try s.store.wakeConversation(a.id, at: due.addingTimeInterval(5)) == true)
        #expect(try s.store.wakeConversation(a.id, at: due.addingTimeInterval(5)) == false, "once")
        let woken = try #require(try s.store.conversation(id: a.id))
        #expect(woken.snoozedUntil == nil && woken.status == .open)
        #expect(woken.lastActivity == due.addingTimeInterval(5))
        let rows = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam")
        #expect(rows.map(\.id) == [a.id, b.id], "on top; c still snoozed")
        #expect(rows.first?.unread == true)
        let priyas = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "priya")
        #expect(priyas.first?.unread == true, "every agent's read mark is forgotten")
        #expect(try s.store.snoozedConversations().map(\.id) == [c.id])
    }
}
