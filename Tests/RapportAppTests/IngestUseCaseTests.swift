import Foundation
import GRDB
import RapportApp
import RapportCore
import TestSupport
import Testing
@testable import RapportStore

/// `Ingest.file` over a real store: the rules the use case is given are the ones the store files by.
@Suite("Ingest use case over a real store")
struct IngestUseCaseTests {
    let dir: TemporaryDirectory
    let store: SQLiteStore
    let day: TimeInterval = 24 * 3600
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        dir = try TemporaryDirectory()
        store = try SQLiteStore(path: dir.path("rapport.sqlite"), create: true)
        try store.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
    }

    func mail(from: String = "dana@customer.example", to: [String] = ["sam@example.com"], subject: String = "Renewal quote",
              id: String, inReplyTo: String? = nil, date: Date) -> IncomingMail {
        IncomingMail(seenKey: "/Maildir/\(id)", path: "/Maildir/new/\(id)", dedupKey: "mid:" + id, fromAddress: from,
                     fromName: nil, to: to, subject: subject, text: "Hello", messageID: id, inReplyTo: inReplyTo,
                     references: [], date: date, attachments: [])
    }

    func stored(_ outcome: IngestOutcome) throws -> Message {
        guard case let .ingested(row) = outcome else { throw RapportError.invalid("not stored: \(outcome)") }
        return try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [row]) }
            .map(Message.init(row:))!
    }

    @Test("The thread window of the use case's rules decides whether a later message joins by subject")
    func threadWindowReachesTheStore() throws {
        let short = Ingest(store: store, rules: IngestRules(threadWindow: 5 * day))
        let first = try stored(short.file(mail(id: "a@customer.example", date: start)))
        let tenDaysOn = try stored(short.file(mail(subject: "Re: Renewal quote", id: "b@customer.example", date: start + 10 * day)))
        #expect(tenDaysOn.conversationID != first.conversationID)

        let standard = Ingest(store: store)
        let elevenDaysOn = try stored(standard.file(mail(subject: "Re: Renewal quote", id: "c@customer.example", date: start + 11 * day)))
        #expect(elevenDaysOn.conversationID == tenDaysOn.conversationID)
    }

    @Test("Mail from an agent's address is filed outbound, without an author, in the conversation it answers; a second copy is a duplicate")
    func agentReplyThenDuplicate() throws {
        let ingest = Ingest(store: store)
        let question = try stored(ingest.file(mail(id: "q@customer.example", date: start)))
        let reply = mail(from: "Sam@Example.com", to: ["dana@customer.example"], subject: "Something else",
                         id: "r@example.com", inReplyTo: "q@customer.example", date: start + 60 * day)
        let answer = try stored(ingest.file(reply))
        #expect(answer.conversationID == question.conversationID)
        #expect(answer.direction == .outbound)
        #expect(answer.author == nil && answer.isUnverifiedOutbound, "only Rapport's outbox vouches for an author")
        #expect(try ingest.file(reply) == .duplicate)
    }

    @Test("An agent's mail to no customer is refused with its reason and nothing is stored")
    func refused() throws {
        let outcome = try Ingest(store: store).file(mail(from: "sam@example.com", to: ["sam@example.com"], id: "x@example.com", date: start))
        #expect(outcome == .failed("sent by agent sam to no customer address"))
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") } == 0)
    }
}
