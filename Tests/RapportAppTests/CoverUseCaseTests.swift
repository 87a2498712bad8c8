import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Cover while away: the absence, and the coverer's replies to the away owner's customers")
struct CoverUseCaseTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// Sam away for a week from the fixture's now, Priya covering; Dana (Sam's) wrote two hours ago.
    func samAway(_ f: AppFixture) throws -> (Absence, ConversationID) {
        let absence = try Cover(store: f.store, clock: { f.now })
            .away("sam", until: f.now.addingTimeInterval(7 * 86_400), cover: "priya", by: "sam")
        let id = try f.conversation(try f.customer())
        try f.inbound(id, from: "dana@example.org", id: "q1@example.org", hoursAgo: 2)
        return (absence, id)
    }

    func replies(_ f: AppFixture) -> Replies {
        var replies = Replies(store: f.store, clock: { f.now })
        replies.timeZone = Self.utc
        return replies
    }

    @Test("the coverer answers without taking the customer; the reply goes out from them and the log says so")
    func coverReply() throws {
        let f = try AppFixture()
        let (absence, id) = try samAway(f)
        let note = CoverNote(ownerName: "Sam", back: absence.until, timeZone: Self.utc)
        let text = "Hi Dana,\n\n\(note.sentence)\n\nYour renewal is done.\n\nPriya"
        let item = try replies(f).queue(conversation: id, agent: "priya", text: text)
        #expect(item.agent == "priya")
        let dana = try #require(try f.store.customer(email: "dana@example.org"))
        #expect(dana.owner == "sam")
        let log = try Cover(store: f.store, clock: { f.now }).log(customer: dana.id)
        #expect(log.map(\.coverer) == ["priya"] && log.map(\.owner) == ["sam"])
        let sent = try f.store.messages(conversation: id).last
        #expect(sent?.from == "priya@example.com" && sent?.author == "priya")
    }

    @Test("a cover reply that does not tell the customer is refused with the cover rule")
    func coverRuleEnforced() throws {
        let f = try AppFixture()
        let (_, id) = try samAway(f)
        let before = try f.replyRows()
        #expect {
            try replies(f).queue(conversation: id, agent: "priya", text: personalReply(from: "Priya"))
        } throws: { error in
            guard case RapportError.replyPolicy(let violations) = error else { return false }
            return violations.map(\.rule) == [.cover]
        }
        #expect(try f.replyRows() == before)
    }

    @Test("once the owner is back, or when the cover has run out, only the owner answers again")
    func coverEnds() throws {
        let f = try AppFixture()
        let (absence, id) = try samAway(f)
        let note = CoverNote(ownerName: "Sam", back: absence.until, timeZone: Self.utc)
        let text = "Hi Dana,\n\n\(note.sentence)\n\nDone.\n\nPriya"
        // After the day Sam is back, the absence still recorded no longer counts.
        var late = replies(f)
        late.clock = { absence.until.addingTimeInterval(60) }
        #expect(throws: RapportError.notOwner(customer: "Dana Whitfield", owner: "sam")) {
            try late.queue(conversation: id, agent: "priya", text: text)
        }
        try Cover(store: f.store, clock: { f.now }).back("sam")
        #expect(throws: RapportError.notOwner(customer: "Dana Whitfield", owner: "sam")) {
            try replies(f).queue(conversation: id, agent: "priya", text: text)
        }
        #expect(throws: RapportError.self) { try Cover(store: f.store, clock: { f.now }).back("sam") }
    }

    @Test("away checks the agents and the rule")
    func awayChecks() throws {
        let f = try AppFixture()
        let cover = Cover(store: f.store, clock: { f.now })
        let week = f.now.addingTimeInterval(7 * 86_400)
        #expect(throws: RapportError.self) { try cover.away("sam", until: week, cover: "nobody", by: "sam") }
        #expect(throws: RapportError.self) { try cover.away("sam", until: week, cover: "sam", by: "sam") }
        #expect(throws: RapportError.self) { try cover.away("sam", until: f.now, cover: "priya", by: "sam") }
        try cover.away("sam", until: week, cover: "priya", by: "sam")
        // Changing one's mind replaces the absence rather than clashing with it.
        try cover.away("sam", until: week.addingTimeInterval(86_400), cover: "priya", by: "sam")
        #expect(try cover.current().map(\.until) == [week.addingTimeInterval(86_400)])
        #expect(try cover.covered(by: "priya").map(\.login) == ["sam"])
    }

    @Test("Mine's counts include the customers of the agents one covers for")
    func counts() throws {
        let f = try AppFixture()
        _ = try samAway(f)
        let conversations = Conversations(store: f.store, clock: { f.now })
        #expect(try conversations.counts(agent: "priya").mine == 0)
        #expect(try conversations.counts(agent: "priya", alsoOwners: ["sam"]).mine == 1)
    }
}
