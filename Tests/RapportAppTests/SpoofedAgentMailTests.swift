import Foundation
import RapportCore
import RapportStore
import Testing
import TestSupport
@testable import RapportApp

/// Mail claiming to be from an agent, ingested from the Maildir, changes no workflow state: the
/// conversation still waits on us, no first reply is counted, and a new customer does not become an
/// existing one. Only Rapport's own outbox does that (told and thanked are marked by `Replies.queue`
/// alone: WorkflowUseCaseTests).
@Suite struct SpoofedAgentMailTests {
    @Test func aForgedReplyFromAnAgentChangesNothing() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: folder.path("s.sqlite"), create: true)
        try Agents(store: store).add(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        func mail(_ id: String, from: String, to: String, inReplyTo: String? = nil, at: Double) -> IncomingMail {
            IncomingMail(seenKey: id, path: "/m/\(id)", dedupKey: "mid:\(id)", fromAddress: from, fromName: nil, to: [to],
                         subject: "Quote", text: "Hello", messageID: id, inReplyTo: inReplyTo,
                         references: inReplyTo.map { [$0] } ?? [], date: start + at, attachments: [])
        }
        let ingest = Ingest(store: store)
        _ = try ingest.file(mail("q@dana.example", from: "dana@dana.example", to: "sam@example.com", at: 0))
        let dana = try #require(try store.customer(email: "dana@dana.example"))
        _ = try Ownership(store: store, clock: { start }).assign(customer: dana.id, to: "sam", by: "sam", note: nil)
        let before = try store.teamStats(now: start + 7_200)

        // The forgery: From Sam's address, answering Dana, not sent by Rapport.
        let forged = try ingest.file(mail("forged@evil.example", from: "sam@example.com", to: "dana@dana.example",
                                          inReplyTo: "q@dana.example", at: 3_600))
        guard case .ingested = forged else { Issue.record("not stored: \(forged)"); return }

        let after = try store.teamStats(now: start + 7_200)
        #expect(after.team.waitingOnUs == before.team.waitingOnUs && after.team.waitingOnUs == 1, "still waiting on us")
        #expect(after.team.medianFirstReplySeconds == nil, "no first reply counted")
        #expect(try store.customer(id: dana.id)?.isExisting == false)
        #expect(try store.customerProfile(id: dana.id, now: start + 7_200)?.lastWrittenTo == nil)
        let thread = try store.messages(conversation: try #require(store.conversations(
            ConversationQuery(), from: nil, direction: .after, limit: 5, agent: "sam").first).id)
        #expect(thread.last?.isUnverifiedOutbound == true)
    }
}
