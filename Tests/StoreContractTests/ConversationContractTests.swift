import Foundation
import RapportCore
import Testing

/// Conversations and messages: order, status, unread marks, counts.
@Suite struct ConversationContractTests {
    @Test(arguments: StoreFactories.all)
    func messagesComeBackOldestFirstWithWhatWasStored(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana, subject: "Leak", text: "Water everywhere", at: ContractStore.t0)
        try s.inbound(c.id, from: dana, subject: "Re: Leak", text: "Still leaking — 💧", at: ContractStore.t0.addingTimeInterval(120))
        try s.store.addNote(conversation: c.id, agent: ContractStore.sam, text: "Sent a plumber", at: ContractStore.t0.addingTimeInterval(60))
        let messages = try s.store.messages(conversation: c.id)
        #expect(messages.map(\.text) == ["Water everywhere", "Sent a plumber", "Still leaking — 💧"])
        let read = try #require(try s.store.conversation(id: c.id))
        #expect(read.lastActivity == ContractStore.t0.addingTimeInterval(120))
        let row = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam")
        #expect(row.map(\.messageCount) == [3])
    }

    @Test(arguments: StoreFactories.all)
    func statusIsKeptAndAnInboundMessageReopensAClosedConversation(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        try s.store.setStatus(.closed, conversation: c.id)
        #expect(try s.store.conversation(id: c.id)?.status == .closed)
        try s.inbound(c.id, from: dana, text: "One more thing", at: ContractStore.t0.addingTimeInterval(60))
        #expect(try s.store.conversation(id: c.id)?.status == .open)
        #expect(throws: RapportError.self) { try s.store.setStatus(.pending, conversation: 9_999) }
    }

    @Test(arguments: StoreFactories.all)
    func aRowSaysSinceWhenTheCustomerHasNotHadAnAnswer(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana, at: ContractStore.t0)
        func since() throws -> Date? {
            try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam").first?.unansweredSince
        }
        #expect(try since() == ContractStore.t0)
        // A note and mail that merely claims an agent's address are no answer.
        try s.store.addNote(conversation: c.id, agent: ContractStore.sam, text: "Looking", at: ContractStore.t0.addingTimeInterval(60))
        try s.store.appendMessage(NewMessage(conversationID: c.id, direction: .outbound, from: ContractStore.sam.email,
                                             to: [dana.primaryEmail], subject: "Re: Hello", text: "spoofed",
                                             date: ContractStore.t0.addingTimeInterval(90)))
        #expect(try since() == ContractStore.t0)
        _ = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nDone.\n\nSam",
                                at: ContractStore.t0.addingTimeInterval(120))
        #expect(try since() == nil, "we answered last")
        try s.inbound(c.id, from: dana, text: "Thanks! One more", at: ContractStore.t0.addingTimeInterval(300))
        try s.inbound(c.id, from: dana, text: "And another", at: ContractStore.t0.addingTimeInterval(400))
        #expect(try since() == ContractStore.t0.addingTimeInterval(300), "the oldest message still unanswered")
    }

    @Test(arguments: StoreFactories.all)
    func anEmptyConversationIsListedOnlyToTheAgentWithAnUnsentDraftInIt(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let fresh = try s.store.startConversation(customer: dana.id, subject: "New card", at: ContractStore.t0)
        func listed(_ agent: String) throws -> [String] {
            try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: agent).map(\.subject)
        }
        #expect(try listed("sam").isEmpty)
        try s.store.saveDraft(Draft(conversationID: fresh.id, agent: "sam", kind: .reply, text: "Hi Dana,", cursor: 8,
                                    updated: ContractStore.t0, due: nil))
        #expect(try listed("sam") == ["New card"])
        #expect(try listed("priya").isEmpty, "another agent's unsent draft is not theirs to see")
    }

    @Test(arguments: StoreFactories.all)
    func unreadIsPerAgentUntilTheySeeIt(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        func unread(_ agent: String) throws -> Bool? {
            try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: agent).first?.unread
        }
        #expect(try unread("sam") == true && unread("priya") == true)
        try s.store.markSeen(conversation: c.id, agent: "sam", at: ContractStore.t0.addingTimeInterval(10))
        #expect(try unread("sam") == false && unread("priya") == true)
        try s.inbound(c.id, from: dana, text: "Hello again", at: ContractStore.t0.addingTimeInterval(20))
        #expect(try unread("sam") == true)
    }

    @Test(arguments: StoreFactories.all)
    func aMessageIsFoundByItsIdWithItsAttachmentsAndSourcePath(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        let files = [AttachmentInfo(filename: "claim.pdf", contentType: "application/pdf", size: 1234),
                     AttachmentInfo(filename: nil, contentType: "image/png", size: 9)]
        let stored = try s.store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: dana.primaryEmail,
                                                          to: [ContractStore.sam.email], subject: "Photos", text: "Here",
                                                          date: ContractStore.t0.addingTimeInterval(5), attachments: files,
                                                          sourcePath: "/mail/cur/1:2,S"))
        let read = try #require(try s.store.message(id: stored.id))
        #expect(read == stored)
        #expect(read.attachments == files && read.sourcePath == "/mail/cur/1:2,S")
        #expect(try s.store.message(id: 987_654) == nil)
    }

    @Test(arguments: StoreFactories.all)
    func markUnreadForgetsOneAgentsReadMarkOnly(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        func unread(_ agent: String) throws -> Bool? {
            try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: agent).first?.unread
        }
        try s.store.markSeen(conversation: c.id, agent: "sam", at: ContractStore.t0.addingTimeInterval(10))
        try s.store.markSeen(conversation: c.id, agent: "priya", at: ContractStore.t0.addingTimeInterval(10))
        try s.store.markUnread(conversation: c.id, agent: "sam")
        #expect(try unread("sam") == true && unread("priya") == false)
        try s.store.markUnread(conversation: c.id, agent: "sam")   // twice is the same as once
        #expect(try unread("sam") == true)
        try s.store.markSeen(conversation: c.id, agent: "sam", at: ContractStore.t0.addingTimeInterval(20))
        #expect(try unread("sam") == false, "reading it again clears the mark")
        #expect(throws: RapportError.self) { try s.store.markUnread(conversation: 9_999, agent: "sam") }
    }

    @Test(arguments: StoreFactories.all)
    func countsAreMineUnassignedAndPending(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        let lee = try s.customer("Lee")
        let marcus = try s.customer("Marcus", owner: "priya")
        let open = try s.conversation(with: dana)
        let pending = try s.conversation(with: dana, subject: "Other")
        let closed = try s.conversation(with: dana, subject: "Done")
        try s.store.setStatus(.pending, conversation: pending.id)
        try s.store.setStatus(.closed, conversation: closed.id)
        try s.conversation(with: lee)
        try s.conversation(with: marcus)
        _ = open
        #expect(try s.store.counts(agent: "sam") == InboxCounts(mine: 2, unassigned: 1, pending: 1))
        #expect(try s.store.counts(agent: "priya") == InboxCounts(mine: 1, unassigned: 1, pending: 0))
    }

    @Test(arguments: StoreFactories.all)
    func aCustomerWeWroteToBecomesAnExistingCustomer(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        #expect(dana.isExisting == false)
        let c = try s.conversation(with: dana)
        try s.store.appendMessage(NewMessage(conversationID: c.id, direction: .outbound, author: "sam", from: "sam@example.com",
                                             to: [dana.primaryEmail], subject: "Re: Hello", text: "Hi Dana", date: ContractStore.t0))
        #expect(try s.store.customer(id: dana.id)?.isExisting == true)
    }
}
