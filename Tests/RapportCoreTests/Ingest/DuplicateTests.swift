import Foundation
import RapportCore
import Testing

@Suite("Duplicate: a message already stored adds nothing")
struct DuplicateTests {
    @Test("A Message-ID any stored message has is a duplicate, without asking about the file")
    func knownMessageID() throws {
        let facts = FactsFake(storedMessageIDs: ["m1@customer.example"])
        #expect(try Duplicate.isDuplicate(incoming(messageID: "m1@customer.example"), facts: facts))
        #expect(facts.asked == ["message-id m1@customer.example"])
    }

    @Test("A file seen before (same dedup key) is a duplicate even when its Message-ID is not stored")
    func knownDedupKey() throws {
        let facts = FactsFake()
        facts.seenDedupKeys = ["sha256:ab"]
        #expect(try Duplicate.isDuplicate(incoming(messageID: nil, dedupKey: "sha256:ab"), facts: facts))
        #expect(facts.asked == ["dedup sha256:ab"])
    }

    @Test("New Message-ID and new dedup key: not a duplicate")
    func fresh() throws {
        let facts = FactsFake(storedMessageIDs: ["other@x"])
        facts.seenDedupKeys = ["mid:other@x"]
        #expect(try !Duplicate.isDuplicate(incoming(messageID: "m1@customer.example"), facts: facts))
        #expect(facts.asked == ["message-id m1@customer.example", "dedup mid:m1@customer.example"])
    }
}
