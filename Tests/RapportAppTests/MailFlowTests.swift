import Foundation
import Testing
import RapportApp
import RapportCore
import RapportMail
import TestSupport

/// A sendmail that refuses (or takes) what it is given, and counts the attempts.
final class CountingTransport: MailTransport, @unchecked Sendable {
    var attempts = 0
    var refuse = true

    func deliver(_ rfc822: String) throws {
        attempts += 1
        if refuse { throw OutboundError.deliveryFailed("sendmail exited with status 75: try later") }
    }
}

/// A clock that only moves when the waiter lets time pass to a deadline: no sleeping.
final class ScriptedTime: MailWaiter, @unchecked Sendable {
    var now: Date
    var deadlines: [Date] = []
    var waitsLeft: Int
    var onWait: (Int) -> Void = { _ in }

    init(now: Date, waits: Int) {
        self.now = now
        waitsLeft = waits
    }

    var stopRequested: Bool { waitsLeft < 0 }

    func wait(until deadline: Date) -> MailWake {
        deadlines.append(deadline)
        now = max(now, deadline)
        waitsLeft -= 1
        onWait(deadlines.count)
        return stopRequested ? .stop : .timeout
    }
}

@Suite("mail flow (rapport sync)")
struct MailFlowTests {
    func flow(_ f: AppFixture, _ transport: CountingTransport, _ time: ScriptedTime, delays: [TimeInterval],
              maildirs: [String] = []) -> MailFlow {
        var delivery = Delivery(store: f.store, transport: transport)
        delivery.retry = RetrySchedule(delays: delays)
        var flow = MailFlow(ingest: Ingest(store: f.store), maildirs: maildirs, delivery: delivery, clock: { time.now })
        flow.tick = 10_000
        return flow
    }

    func queueReply(_ f: AppFixture) throws -> ConversationID {
        let id = try f.conversation(try f.customer())
        try f.inbound(id, from: "dana@example.org", id: "q1@example.org", hoursAgo: 2)
        try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: "Hi Dana,\n\nAll sorted.\n\nSam")
        return id
    }

    @Test("a delivery the mail system refuses is retried after each delay, then left failed for a person")
    func backoffThenGiveUp() throws {
        let f = try AppFixture()
        _ = try queueReply(f)
        let transport = CountingTransport()
        let time = ScriptedTime(now: f.now, waits: 4)
        var events: [MailFlowEvent] = []
        flow(f, transport, time, delays: [60, 300]).run(waiter: time) { events.append($0) }

        #expect(transport.attempts == 3)
        // Each wait ends at the next retry; once none is left, only at the tick.
        #expect(time.deadlines.prefix(2) == [f.now + 60, f.now + 360])
        #expect(time.deadlines.dropFirst(2).allSatisfy { $0 >= f.now + 360 + 10_000 })
        let failures = events.compactMap { event -> (Int, Date?)? in
            if case let .failed(_, _, _, attempt, retryAt) = event { return (attempt, retryAt) }
            return nil
        }
        #expect(failures.map(\.0) == [1, 2, 3])
        #expect(failures.map(\.1) == [f.now + 60, f.now + 360, nil])
        #expect(events.last?.line.contains("no more automatic retries") == true)
        let item = try #require(try f.store.outbox(states: [.failed]).first)
        #expect(item.attempts == 3 && item.error?.contains("status 75") == true)
    }

    @Test("a person's retry is taken at once, and a success is logged as sent")
    func retryByAPerson() throws {
        let f = try AppFixture()
        _ = try queueReply(f)
        let transport = CountingTransport()
        let time = ScriptedTime(now: f.now, waits: 2)
        let flow = flow(f, transport, time, delays: [])
        var memory = MailFlow.Memory()
        let first = flow.pass(&memory)
        #expect(first.count == 1 && first[0].line.contains("(attempt 1)") && first[0].line.contains("no more automatic retries"))
        #expect(flow.pass(&memory).isEmpty, "no retries are left: nothing is tried again")

        let id = try #require(try f.store.outbox(states: [.failed]).first?.id)
        try Outbox(store: f.store, retry: RetrySchedule(delays: [])).decide(id, .retry, now: time.now)
        transport.refuse = false
        #expect(flow.pass(&memory) == [.sent(id: id, to: "dana@example.org")])
        #expect(try f.store.outbox(states: [.sent]).map(\.id) == [id])
    }

    @Test("a stop asked for during a pass lets nothing else start")
    func stopBetweenDeliveries() throws {
        let f = try AppFixture()
        _ = try queueReply(f)
        let transport = CountingTransport()
        transport.refuse = false
        let time = ScriptedTime(now: f.now, waits: -1)   // stop already asked for
        var events: [MailFlowEvent] = []
        flow(f, transport, time, delays: []).run(waiter: time) { events.append($0) }
        #expect(transport.attempts == 0 && events.isEmpty)
        #expect(try f.store.outbox(states: [.queued]).count == 1, "the reply waits for the next start")
    }

    @Test("new files in a Maildir are filed by the next pass; a store or folder problem is logged once")
    func ingestPass() throws {
        let f = try AppFixture()
        let folder = try TemporaryDirectory()
        let root = folder.url.path
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let time = ScriptedTime(now: f.now, waits: 0)
        let flow = flow(f, CountingTransport(), time, delays: [], maildirs: [root])
        var memory = MailFlow.Memory()
        #expect(flow.pass(&memory).isEmpty)
        try "From: Ann Lee <ann.lee@lee.example>\r\nTo: sam@example.com\r\nSubject: Invoice\r\nMessage-ID: <a1@lee.example>\r\n\r\nHello\r\n"
            .write(toFile: root + "/new/1.a1:2,", atomically: true, encoding: .utf8)
        #expect(flow.pass(&memory) == [.ingested(count: 1, duplicates: 0)])
        #expect(flow.pass(&memory).isEmpty, "a file is filed once")

        try FileManager.default.removeItem(atPath: root + "/cur")
        let broken = flow.pass(&memory)
        #expect(broken.count == 1 && broken[0].line.hasPrefix("problem: ingest:"))
        #expect(flow.pass(&memory).isEmpty, "the same problem is not logged every second")
    }
}
