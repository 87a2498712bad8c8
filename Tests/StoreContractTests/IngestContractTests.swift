import Foundation
import RapportCore
import Testing

/// Mail from a Maildir: stored once, whatever runs see it again.
@Suite struct IngestContractTests {
    func mail(_ key: String, from: String = "dana@example.org", to: String = "sam@example.com", subject: String = "Leak", messageID: String? = nil,
              inReplyTo: String? = nil, at seconds: Double = 0) -> IngestItem {
        .mail(IncomingMail(seenKey: "/mail:\(key)", path: "/mail/new/\(key)",
                           dedupKey: messageID.map { "mid:\($0)" } ?? "sha256:\(key)", fromAddress: from, fromName: "Dana Whitfield",
                           to: [to], subject: subject, text: "Text of \(key)", messageID: messageID,
                           inReplyTo: inReplyTo, references: inReplyTo.map { [$0] } ?? [],
                           date: ContractStore.t0.addingTimeInterval(seconds), attachments: []))
    }

    @Test(arguments: StoreFactories.all)
    func aBatchIsStoredAndItsFilesAreRememberedAsSeen(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let outcomes = try s.store.ingest([mail("a", messageID: "a@x"), mail("b", messageID: "b@x", inReplyTo: "a@x", at: 60),
                                           .unreadable(seenKey: "/mail:c", path: "/mail/new/c", reason: "truncated")],
                                          rules: IngestRules(threadWindow: 86_400))
        #expect(outcomes.count == 3)
        guard case .ingested(let first) = outcomes[0], case .ingested = outcomes[1] else {
            Issue.record("\(outcomes)"); return
        }
        #expect(try s.store.seenKeys(["/mail:a", "/mail:b", "/mail:c", "/mail:d"]) == ["/mail:a", "/mail:b", "/mail:c"])
        let dana = try #require(try s.store.customer(email: "dana@example.org"))
        #expect(dana.firstName == "Dana")
        let list = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10, agent: "sam")
        #expect(list.count == 1 && list[0].messageCount == 2, "the reply threads under the first message")
        #expect(try s.store.messages(conversation: list[0].id).first?.id == first)
    }

    /// The batch is written without a savepoint per message; one the database refuses sends the
    /// batch through again one message at a time, so it alone fails, by file, and the rest is stored.
    @Test(arguments: StoreFactories.all)
    func aMessageTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        try s.database.refuseMessages(containing: "refuse-me")
        let outcomes = try s.store.ingest([mail("a", messageID: "a@x"), mail("b-refuse-me", messageID: "b@x", at: 30),
                                           mail("c", messageID: "c@x", inReplyTo: "a@x", at: 60)],
                                          rules: IngestRules(threadWindow: 86_400))
        #expect(outcomes.count == 3)
        guard case .ingested = outcomes[0], case .failed(let reason) = outcomes[1], case .ingested = outcomes[2] else {
            Issue.record("\(outcomes)"); return
        }
        #expect(reason.contains("refused_by_the_test"), "\(reason)")
        #expect(try s.store.seenKeys(["/mail:a", "/mail:b-refuse-me", "/mail:c"]) == ["/mail:a", "/mail:b-refuse-me", "/mail:c"])
        let list = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10, agent: "sam")
        #expect(list.count == 1 && list[0].messageCount == 2)
        #expect(try s.store.messages(conversation: list[0].id).map(\.text) == ["Text of a", "Text of c"])
    }

    /// Another process sees an ingest batch as someone else's write, whether the adapter logs it
    /// by statement (PostgreSQL) or once for the batch (SQLite, whose ingest runs with triggers off);
    /// the writes after it log their own rows again.
    @Test(arguments: StoreFactories.all)
    func anIngestBatchReachesTheChangeFeedAndLaterWritesStillLogTheirRows(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let other = try s.secondInstance()
        let before = try s.store.latestChange()
        _ = try s.store.ingest([mail("a", messageID: "a@x"), mail("b", from: "lee@example.org", messageID: "b@x", at: 30),
                                mail("c", messageID: "c@x", inReplyTo: "a@x", at: 60)],
                               rules: IngestRules(threadWindow: 86_400))
        let batch = try other.changes(since: before)
        #expect(batch.isComplete && batch.includesOthers(than: other.origin))
        #expect(batch.changes.allSatisfy { $0.origin == s.store.origin })
        #expect(batch.changes.contains { $0.entity == .message })
        if factory.name == "SQLite" { #expect(batch.changes.count == 1, "one row for the batch: \(batch.changes)") }
        let dana = try #require(try s.store.customer(email: "dana@example.org"))
        let afterBatch = try s.store.latestChange()
        try changeOwner(s.store, dana.id, to: "sam", by: "sam", note: nil)
        let later = try other.changes(since: afterBatch).changes
        #expect(later.contains { $0.entity == .customer && $0.entityID == dana.id })
    }

    @Test(arguments: StoreFactories.all)
    func theSameMessageUnderAnotherFileIsADuplicate(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try s.store.ingest([mail("a", messageID: "a@x")], rules: IngestRules(threadWindow: 86_400))
        let again = try s.store.ingest([mail("a-copy", messageID: "a@x")], rules: IngestRules(threadWindow: 86_400))
        #expect(again == [.duplicate])
        #expect(try s.store.seenKeys(["/mail:a-copy"]) == ["/mail:a-copy"])
        let list = try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 10, agent: "sam")
        #expect(list.map(\.messageCount) == [1])
    }

    @Test(arguments: StoreFactories.all)
    func aMessageWithoutMessageIDIsADuplicateByItsFileHash(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        func copy(_ key: String) -> IngestItem {
            .mail(IncomingMail(seenKey: "/mail:\(key)", path: "/mail/new/\(key)", dedupKey: "sha256:same", fromAddress: "dana@example.org",
                               fromName: nil, to: ["sam@example.com"], subject: "Leak", text: "No id", messageID: nil,
                               inReplyTo: nil, references: [], date: ContractStore.t0, attachments: []))
        }
        guard case .ingested = try s.store.ingest([copy("a")], rules: .standard).first else { Issue.record("not stored"); return }
        #expect(try s.store.ingest([copy("b")], rules: .standard) == [.duplicate])
    }

    @Test(arguments: StoreFactories.all)
    func mailFromAnAgentIsOutboundWithoutAnAuthor(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        _ = try s.store.ingest([mail("a", messageID: "a@x"),
                                mail("b", from: "sam@example.com", to: "dana@example.org", subject: "Re: Leak", messageID: "b@x", inReplyTo: "a@x", at: 60)],
                               rules: IngestRules(threadWindow: 86_400))
        let c = try #require(try s.store.conversations(ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam").first)
        let messages = try s.store.messages(conversation: c.id)
        #expect(messages.map(\.direction) == [.inbound, .outbound] && messages.last?.isUnverifiedOutbound == true)
    }

    @Test(arguments: StoreFactories.all)
    func folderStampsAreReadBackAndReplaced(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        #expect(try s.store.folderStamps(["/mail/new"]).isEmpty)
        try s.store.recordFolderStamps(["/mail/new": FolderStamp(modified: 1_700_000_000_123_456_789, files: 12),
                                        "/mail/cur": FolderStamp(modified: 5, files: 0)])
        try s.store.recordFolderStamps(["/mail/new": FolderStamp(modified: 1_700_000_000_999_999_999, files: 13)])
        #expect(try s.store.folderStamps(["/mail/new", "/mail/cur", "/other"]) == [
            "/mail/new": FolderStamp(modified: 1_700_000_000_999_999_999, files: 13),
            "/mail/cur": FolderStamp(modified: 5, files: 0),
        ])
    }
}
