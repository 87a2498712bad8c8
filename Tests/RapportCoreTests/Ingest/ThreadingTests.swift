import Foundation
import RapportCore
import Testing

@Suite("Threading: which conversation a message joins")
struct ThreadingTests {
    let day: TimeInterval = 24 * 3600
    let at = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("Message-IDs are looked for In-Reply-To first, then References newest first, each once, at most 50")
    func referenceOrder() {
        #expect(Threading.referenced(inReplyTo: "c", references: ["a", "b", "c"]) == ["c", "b", "a"])
        #expect(Threading.referenced(inReplyTo: nil, references: ["a", "b"]) == ["b", "a"])
        let long = (0..<80).map { "r\($0)" }
        let referenced = Threading.referenced(inReplyTo: nil, references: long)
        #expect(referenced.count == 50)
        #expect(referenced.first == "r79")
        #expect(referenced.last == "r30")
        #expect(Threading.referenced(inReplyTo: "c", references: ["a", "b", "a", "c", "d", "b"]) == ["c", "b", "d", "a"])
        let repeated = (0..<60).flatMap { ["r\($0)", "r\($0)"] }
        #expect(Threading.referenced(inReplyTo: "r59", references: repeated).count == 50, "the limit counts distinct ids")
    }

    @Test("The first reference that finds a conversation ends the lookups: the older ones are not asked")
    func firstFoundEndsTheLookups() throws {
        let facts = FactsFake()
        facts.messages = ["7 a@x": 3, "7 b@x": 4]
        let mail = incoming(subject: "Re: quote", inReplyTo: "a@x", references: ["c@x", "b@x", "a@x"], date: at)
        #expect(try Threading().place(mail, customer: 7, facts: facts) == .existing(3))
        #expect(facts.asked == ["reference a@x"])
    }

    @Test("A header that names a message of the same customer decides, before any subject")
    func headersFirst() throws {
        let facts = FactsFake()
        facts.messages = ["7 b@x": 3]
        facts.conversations = [(id: 9, customer: 7, subject: "renewal quote", lastActivity: at.timeIntervalSince1970)]
        let mail = incoming(subject: "Re: Renewal quote", inReplyTo: "a@x", references: ["b@x", "a@x"], date: at)
        #expect(try Threading().place(mail, customer: 7, facts: facts) == .existing(3))
        #expect(facts.asked == ["reference a@x", "reference b@x"])
    }

    @Test("Without a known reference, the same customer's conversation with the same subject inside the window")
    func subjectWithinWindow() throws {
        let facts = FactsFake()
        facts.conversations = [
            (id: 1, customer: 7, subject: "renewal quote", lastActivity: at.timeIntervalSince1970 - 40 * day),
            (id: 2, customer: 7, subject: "renewal quote", lastActivity: at.timeIntervalSince1970 - 10 * day),
            (id: 4, customer: 8, subject: "renewal quote", lastActivity: at.timeIntervalSince1970),
        ]
        let mail = incoming(subject: "RE: Renewal  Quote", inReplyTo: "unknown@x", date: at)
        #expect(try Threading(window: 30 * day).place(mail, customer: 7, facts: facts) == .existing(2))
        #expect(try Threading(window: 5 * day).place(mail, customer: 7, facts: facts)
                == .new(subject: "RE: Renewal  Quote", normalizedSubject: "renewal quote"))
    }

    @Test("The window reaches both ways from the message's date")
    func windowBothWays() {
        let range = Threading(window: day).activity(around: at)
        #expect(range == (at.timeIntervalSince1970 - day)...(at.timeIntervalSince1970 + day))
    }

    @Test("A customer met only now starts a new conversation without any lookup; no subject is named so")
    func newCustomer() throws {
        let facts = FactsFake()
        let mail = incoming(subject: "", inReplyTo: "a@x", date: at)
        #expect(try Threading().place(mail, customer: nil, facts: facts)
                == .new(subject: "(no subject)", normalizedSubject: "(no subject)"))
        #expect(facts.asked.isEmpty)
    }
}
