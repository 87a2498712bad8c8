import Foundation
import RapportCore
import Testing

/// queued → sending → sent | failed; a claim is taken once, under the write lock.
@Suite struct OutboxContractTests {
    let later = ContractStore.t0.addingTimeInterval(60)

    /// A store with one queued reply, claimed for sending by `testClaim` at `later`.
    func claimedReply(_ factory: StoreFactory) throws -> (ContractStore, OutboxItem) {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        _ = try s.store.claimForSending(item.id, claim: testClaim, at: later)
        return (s, item)
    }

    @Test(arguments: StoreFactories.all)
    func aQueuedReplyIsListedWithItsMessage(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        #expect(item.state == .queued && item.attempts == 0 && item.agent == "sam")
        #expect(item.toAddress == "dana@example.org")
        #expect(try s.store.outbox(states: [.queued]) == [item])
        #expect(try s.store.outbox(states: [.sent, .failed, .sending]).isEmpty)
        #expect(try s.store.outbox(states: []).isEmpty)
        let message = try #require(try s.store.messages(conversation: item.conversationID).last)
        #expect(message.id == item.messageRowID && message.direction == .outbound && message.author == "sam")
    }

    @Test(arguments: StoreFactories.all)
    func aClaimedItemCannotBeClaimedAgain(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        let claim = try #require(try s.store.claimForSending(item.id, claim: testClaim, at: later))
        #expect(claim.item.state == .sending && claim.item.attempts == 1)
        #expect(claim.agent == ContractStore.sam && claim.customerName == "Dana Whitfield")
        #expect(claim.message.id == item.messageRowID)
        #expect(try s.store.claimForSending(item.id, claim: testClaim, at: later) == nil)
        #expect(try s.store.claimForSending(9_999, claim: testClaim, at: later) == nil)
        #expect(try s.store.outbox(states: [.sending]).map(\.id) == [item.id])
    }

    @Test(arguments: StoreFactories.all)
    func twoInstancesRacingToClaimOneItemGiveItToOne(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let second = try s.secondInstance()
        let first = s.store
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        for _ in 0..<8 {
            let item = try queueOutboxItem(first, conversation: c.id, agent: "sam", text: "Hi,\n\nOK.\n\nSam", at: ContractStore.t0)
            let claims = race(2) { i in
                (try? (i == 0 ? first : second).claimForSending(item.id, claim: testClaim, at: ContractStore.t0)) ?? nil
            }
            #expect(claims.compactMap { $0 }.count == 1)
            #expect(try first.outbox(states: [.sending]).first { $0.id == item.id }?.attempts == 1)
            try first.markSent(item.id, at: ContractStore.t0)
        }
    }

    @Test(arguments: StoreFactories.all)
    func aFailedItemKeepsItsReasonAndCanBeClaimedAgain(_ factory: StoreFactory) throws {
        let (s, item) = try claimedReply(factory)
        try s.store.markFailed(item.id, reason: "sendmail exited 75", at: later)
        let failed = try #require(try s.store.outbox(states: [.failed]).first)
        #expect(failed.error == "sendmail exited 75" && failed.attempts == 1)
        let again = try #require(try s.store.claimForSending(item.id, claim: testClaim, at: later))
        #expect(again.item.attempts == 2 && again.item.state == .sending)
        try s.store.markSent(item.id, at: later)
        let sent = try #require(try s.store.outbox(states: [.sent]).first)
        #expect(sent.error == nil && sent.attempts == 2)
        #expect(try s.store.claimForSending(item.id, claim: testClaim, at: later) == nil, "a sent item is never sent again")
    }

    @Test(arguments: StoreFactories.all)
    func anItemLeftSendingIsResolvedAsQueuedOrSent(_ factory: StoreFactory) throws {
        let (s, retry) = try claimedReply(factory)
        try s.store.resolveSending(retry.id, to: .queued, at: later)
        #expect(try s.store.outbox(states: [.queued]).map(\.id) == [retry.id])
        #expect(try s.store.claimForSending(retry.id, claim: testClaim, at: later) != nil)
        try s.store.resolveSending(retry.id, to: .sent, at: later)
        #expect(try s.store.outbox(states: [.sent]).map(\.id) == [retry.id])
    }

    @Test(arguments: StoreFactories.all)
    /// A person settles a failed reply too: send it again (D, r) or it did go out (D, s).
    func aFailedItemIsResolvedAsQueuedOrSent(_ factory: StoreFactory) throws {
        let (s, item) = try claimedReply(factory)
        try s.store.markFailed(item.id, reason: "sendmail exited 75", at: later)
        try s.store.resolveSending(item.id, to: .queued, at: later)
        #expect(try s.store.outbox(states: [.queued]).map(\.id) == [item.id])
        _ = try #require(try s.store.claimForSending(item.id, claim: testClaim, at: later))
        try s.store.markFailed(item.id, reason: "sendmail exited 75", at: later)
        try s.store.resolveSending(item.id, to: .sent, at: later)
        #expect(try s.store.outbox(states: [.sent]).map(\.id) == [item.id])
        #expect(throws: RapportError.self) { try s.store.resolveSending(item.id, to: .queued, at: later) }
    }

    @Test(arguments: StoreFactories.all)
    func resolvingAnItemNotSendingIsRefused(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        #expect(throws: RapportError.self) { try s.store.resolveSending(item.id, to: .sent, at: later) }
        _ = try s.store.claimForSending(item.id, claim: testClaim, at: later)
        #expect(throws: RapportError.self) { try s.store.resolveSending(item.id, to: .failed, at: later) }
        #expect(try s.store.outbox(states: [.sending]).map(\.id) == [item.id])
    }

    @Test(arguments: StoreFactories.all)
    /// The store keeps the threading headers the application layer decided (ReplyThreading).
    func aReplyThreadsUnderTheCustomersMessage(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        let messages = try s.store.messages(conversation: item.conversationID)
        let reply = try #require(messages.last)
        #expect(reply.inReplyTo == messages.first?.messageID && reply.inReplyTo != nil)
        #expect(reply.references == [try #require(messages.first?.messageID)])
        #expect(reply.subject == "Re: Hello")
    }

    @Test(arguments: StoreFactories.all)
    func aClaimIsKeptWithTheItemAndRenewedOnlyByItsClaimant(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let item = try s.queuedReply()
        _ = try #require(try s.store.claimForSending(item.id, claim: testClaim, at: later))
        #expect(try s.store.outbox(states: [.sending]).first?.claim == testClaim)
        let renewed = OutboxClaim(claimant: testClaim.claimant, until: testClaim.until.addingTimeInterval(600))
        #expect(try s.store.renewClaim(item.id, claim: renewed))
        #expect(try s.store.outbox(states: [.sending]).first?.claim == renewed)
        let stranger = OutboxClaim(claimant: "elsewhere:1:1", until: renewed.until.addingTimeInterval(600))
        #expect(try !s.store.renewClaim(item.id, claim: stranger))
        #expect(try s.store.outbox(states: [.sending]).first?.claim == renewed)
        try s.store.markSent(item.id, at: later)
        #expect(try !s.store.renewClaim(item.id, claim: renewed), "a delivered item has no claim to renew")
    }

    @Test(arguments: StoreFactories.all)
    func anItemThatMayHaveGoneOutWaitsForADecision(_ factory: StoreFactory) throws {
        let (s, item) = try claimedReply(factory)
        try s.store.markNeedsDecision(item.id, reason: "sendmail was killed by signal 9", at: later)
        let waiting = try #require(try s.store.outbox(states: [.needsDecision]).first)
        #expect(waiting.id == item.id && waiting.error == "sendmail was killed by signal 9")
        #expect(try s.store.claimForSending(item.id, claim: testClaim, at: later) == nil, "never claimed again by itself")
        try s.store.resolveSending(item.id, to: .queued, at: later)
        #expect(try s.store.outbox(states: [.queued]).first?.claim == nil)
        #expect(try s.store.claimForSending(item.id, claim: testClaim, at: later) != nil)
    }

    /// The files go into the store with the reply, so whichever machine delivers it has their bytes.
    @Test(arguments: StoreFactories.all)
    func aReplysFilesAreClaimedWithItByteForByte(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let c = try s.conversation(with: try s.customer(owner: "sam"))
        let files = [OutgoingAttachment(name: "Quote März.pdf", contentType: "application/pdf", data: Data((0...255).map(UInt8.init))),
                     OutgoingAttachment(name: "notes.txt", contentType: "text/plain", data: Data("a\u{0}b".utf8))]
        let item = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nSam", at: ContractStore.t0,
                                       attachments: files)
        let other = try s.secondInstance()
        let claimed = try #require(try other.claimForSending(item.id, claim: testClaim, at: later))
        #expect(claimed.attachments == files)
        #expect(claimed.message.attachments.map(\.filename) == ["Quote März.pdf", "notes.txt"])
        #expect(claimed.message.attachments.map(\.size) == [256, 3])
        // A reply without files has none.
        let plain = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Dana,\n\nSam", at: later)
        #expect(try other.claimForSending(plain.id, claim: testClaim, at: later)?.attachments == [])
    }
}
