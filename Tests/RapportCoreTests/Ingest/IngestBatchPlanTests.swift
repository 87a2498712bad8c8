import Foundation
import RapportCore
import Testing

/// A batch decided before it is written: what one message stores, the next one sees.
@Suite struct IngestBatchPlanTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func mail(_ key: String, from: String = "dana@example.org", subject: String = "Leak", messageID: String? = nil,
                     inReplyTo: String? = nil, at seconds: Double = 0) -> IngestItem {
        .mail(IncomingMail(seenKey: "/mail:\(key)", path: "/mail/\(key)", dedupKey: messageID.map { "mid:\($0)" } ?? "sha256:\(key)",
                           fromAddress: from, fromName: "Dana Whitfield", to: ["sam@example.com"], subject: subject,
                           text: "Text of \(key)", messageID: messageID, inReplyTo: inReplyTo,
                           references: inReplyTo.map { [$0] } ?? [], date: t0.addingTimeInterval(seconds), attachments: []))
    }

    static func facts(for batch: [IngestItem], answers: IngestAnswers = IngestAnswers(
        storedMessageIDs: [], seenDedupKeys: [], agents: ["sam@example.com": "sam"], customers: [:], holders: [:], conversations: [])
    ) -> PrefetchedIngestFacts {
        PrefetchedIngestFacts(questions: IngestQuestions(batch), answers: answers)
    }

    @Test("messages of one batch thread into the customer and conversation the batch itself creates")
    func theBatchSeesItsOwnWrites() throws {
        let batch = [Self.mail("a", messageID: "a@x"), Self.mail("b", subject: "Re: Leak", messageID: "b@x", inReplyTo: "a@x", at: 60),
                     Self.mail("c", subject: "leak", at: 120), Self.mail("a-copy", messageID: "a@x")]
        let plan = try IngestBatchPlan(batch, rules: IngestRules(threadWindow: 86_400), facts: Self.facts(for: batch))
        #expect(plan.customers.map(\.address) == ["dana@example.org"])
        #expect(plan.conversations.count == 1)
        #expect(plan.messages.map(\.conversation) == [-1, -1, -1])
        #expect(plan.outcomes == [.ingested(-1), .ingested(-2), .ingested(-3), .duplicate])
        #expect(plan.conversationChanges == [IngestBatchPlan.ConversationChange(
            conversation: -1, messages: 3, lastActivity: Self.t0.timeIntervalSince1970 + 120, lastInbound: Self.t0.timeIntervalSince1970 + 120)])
    }

    @Test("what the store read answers for stored customers and conversations; real IDs replace provisional ones")
    func answersFromTheStoreAndResolvedIDs() throws {
        let batch = [Self.mail("d", subject: "Re: Leak", messageID: "d@x", inReplyTo: "old@x", at: 10),
                     Self.mail("e", from: "kim@example.org", subject: "Re: Leak", messageID: "e@x", inReplyTo: "old@x", at: 20)]
        let answers = IngestAnswers(storedMessageIDs: [], seenDedupKeys: [], agents: [:], customers: ["dana@example.org": 7],
                                    holders: ["old@x": [IngestAnswers.Holder(conversation: 70, customer: 7)]], conversations: [])
        let plan = try IngestBatchPlan(batch, rules: IngestRules(threadWindow: 86_400), facts: Self.facts(for: batch, answers: answers))
        #expect(plan.messages.map(\.conversation) == [70, -1], "Kim's reference to Dana's message does not join her conversation")
        let resolved = plan.resolved(customers: [501], conversations: [901], messages: [1001, 1002])
        #expect(resolved.conversations.map(\.customer) == [501])
        #expect(resolved.messages.map(\.conversation) == [70, 901])
        #expect(resolved.seen.map(\.message) == [1001, 1002])
        #expect(resolved.outcomes == [.ingested(1001), .ingested(1002)])
    }

    @Test("a question the batch did not foresee is refused, never guessed")
    func anUnforeseenQuestionThrows() throws {
        let facts = Self.facts(for: [Self.mail("a", messageID: "a@x")])
        #expect(throws: PrefetchedIngestFacts.Unforeseen.self) { try facts.customer(at: "stranger@example.org") }
        #expect(throws: PrefetchedIngestFacts.Unforeseen.self) { try facts.isStored(messageID: "other@x") }
        #expect(try facts.customer(at: "dana@example.org") == nil)
    }
}
