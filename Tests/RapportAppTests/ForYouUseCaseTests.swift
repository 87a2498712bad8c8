import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("For you: a note's mentions and a takeover tell the agent")
struct ForYouUseCaseTests {
    @Test("a note mentioning Sam is for Sam (not for its writer); taking Dana from Sam tells him with the note")
    func mentionAndTakeover() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let id = try f.conversation(dana)
        let priya = try #require(try f.store.agent(login: "priya"))
        let sam = try #require(try f.store.agent(login: "sam"))
        try Drafts(store: f.store, clock: { f.now }).addNote(id, by: priya, text: "@Sam she rang about the bike, and @priya will follow up")
        let forYou = ForYou(store: f.store, clock: { f.now.addingTimeInterval(120) })
        #expect(try forYou.items(agent: "sam").map(\.item.kind) == [.mention])
        #expect(try forYou.items(agent: "priya").isEmpty, "a writer mentioning themselves is no news")
        try Ownership(store: f.store, clock: { f.now.addingTimeInterval(60) })
            .assign(customer: dana.id, to: "priya", by: "priya", note: "She asked for me")
        let items = try forYou.items(agent: "sam")
        #expect(items.map(\.item.kind) == [.takeover, .mention])
        #expect(items[0].item.text == "She asked for me")
        #expect(try forYou.unread(agent: "sam") == 2)
        try forYou.markRead(agent: "sam")
        #expect(try forYou.unread(agent: "sam") == 0)
        // Sam's own note and Sam giving a customer away himself are not news for Sam.
        try Drafts(store: f.store, clock: { f.now }).addNote(id, by: sam, text: "@sam note to self")
        #expect(try forYou.items(agent: "sam").count == 2)
    }
}
