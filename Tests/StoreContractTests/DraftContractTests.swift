import Foundation
import RapportCore
import Testing

/// One draft per agent and conversation: saved, replaced, deleted, never another agent's.
@Suite struct DraftContractTests {
    func draft(_ c: ConversationID, _ agent: String, _ text: String, kind: DraftKind = .reply, cursor: Int = 0,
               due: Date? = nil) -> Draft {
        Draft(conversationID: c, agent: agent, kind: kind, text: text, cursor: cursor, updated: ContractStore.t0, due: due)
    }

    @Test(arguments: StoreFactories.all)
    func aSavedDraftIsReadBackAsSaved(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        let saved = draft(c.id, "sam", "Hi Dana,\n\nThanks — ✓ done.", kind: .note, cursor: 7,
                          due: ContractStore.t0.addingTimeInterval(86_400))
        try s.store.saveDraft(saved)
        #expect(try s.store.draft(conversation: c.id, agent: "sam") == saved)
        #expect(try s.store.draft(conversation: c.id, agent: "priya") == nil)
        #expect(try s.store.draft(conversation: 9_999, agent: "sam") == nil)
    }

    @Test(arguments: StoreFactories.all)
    func savingAgainReplacesTheAgentsDraft(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        try s.store.saveDraft(draft(c.id, "sam", "first", cursor: 5))
        var second = draft(c.id, "sam", "second, longer", kind: .note, cursor: 3)
        second.updated = ContractStore.t0.addingTimeInterval(30)
        try s.store.saveDraft(second)
        #expect(try s.store.draft(conversation: c.id, agent: "sam") == second)
    }

    @Test(arguments: StoreFactories.all)
    func eachAgentHasTheirOwnDraftAndDeletesOnlyTheirs(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        try s.store.saveDraft(draft(c.id, "sam", "Sam's reply"))
        try s.store.saveDraft(draft(c.id, "priya", "Priya's note", kind: .note))
        #expect(try s.store.draft(conversation: c.id, agent: "sam")?.text == "Sam's reply")
        #expect(try s.store.draft(conversation: c.id, agent: "priya")?.text == "Priya's note")
        try s.store.deleteDraft(conversation: c.id, agent: "sam")
        #expect(try s.store.draft(conversation: c.id, agent: "sam") == nil)
        #expect(try s.store.draft(conversation: c.id, agent: "priya")?.text == "Priya's note")
        try s.store.deleteDraft(conversation: c.id, agent: "sam")   // deleting nothing is not an error
    }

    @Test(arguments: StoreFactories.all)
    func aNoteTakesTheAgentsDraftWithIt(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        try s.store.saveDraft(draft(c.id, "sam", "Called her back", kind: .note))
        try s.store.saveDraft(draft(c.id, "priya", "Mine stays", kind: .note))
        let note = try s.store.addNote(conversation: c.id, agent: ContractStore.sam, text: "Called her back",
                                       at: ContractStore.t0.addingTimeInterval(60))
        #expect(note.direction == .note && note.author == "sam")
        #expect(try s.store.draft(conversation: c.id, agent: "sam") == nil)
        #expect(try s.store.draft(conversation: c.id, agent: "priya") != nil)
        #expect(try s.store.messages(conversation: c.id).map(\.direction) == [.inbound, .note])
    }

    @Test(arguments: StoreFactories.all)
    func queueingAReplyTakesTheAgentsDraftWithIt(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer(owner: "sam")
        let c = try s.conversation(with: dana)
        try s.store.saveDraft(draft(c.id, "sam", "Hi Dana"))
        _ = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nDone.\n\nSam", at: ContractStore.t0)
        #expect(try s.store.draft(conversation: c.id, agent: "sam") == nil)
    }

    @Test(arguments: StoreFactories.all)
    func aDraftKeepsItsAttachedFiles(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        var saved = draft(c.id, "sam", "Hi Dana,")
        saved.attachments = [DraftAttachment(path: "/home/sam/Quote März.pdf", name: "Quote März.pdf", size: 1_200_000),
                             DraftAttachment(path: "/tmp/a.txt", name: "a.txt", size: 3)]
        try s.store.saveDraft(saved)
        #expect(try s.secondInstance().draft(conversation: c.id, agent: "sam") == saved)
        saved.attachments.removeLast()
        try s.store.saveDraft(saved)
        #expect(try s.store.draft(conversation: c.id, agent: "sam")?.attachments.map(\.name) == ["Quote März.pdf"])
    }
}
