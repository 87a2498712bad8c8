import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Read-ahead: the thread under the cursor is read while the agent looks, and Enter shows it from memory")
struct ReadAheadTests {
    let rows = [
        row(1, name: "Ada Lovelace", owner: maria, minutesAgo: 1),
        row(2, name: "Charles Babbage", owner: bob, minutesAgo: 2),
        row(3, name: "Grace Hopper", owner: nil, minutesAgo: 3),
    ]

    func thread(_ id: ConversationID, _ texts: [String] = ["Hello"]) -> ThreadData {
        let conversation = Conversation(id: id, customerID: id * 10, subject: "Hello", status: .open, lastActivity: now)
        let messages = texts.enumerated().map { i, text in
            Message(id: id * 100 + Int64(i), conversationID: id, direction: .inbound, author: nil, from: "c@example.com",
                    to: ["support@example.com"], subject: "Hello", text: text, messageID: nil, inReplyTo: nil,
                    references: [], date: now)
        }
        let customer = Customer(id: id * 10, firstName: "C", lastName: "\(id)", owner: "maria", addresses: ["c@example.com"],
                                created: now, isExisting: true)
        let profile = CustomerProfile(customer: customer, owner: maria, lastContact: now, referredBy: nil,
                                      referrals: [], lastHandoff: nil, upcomingEvents: [])
        return ThreadData(conversation: conversation, messages: messages, profile: profile)
    }

    @Test("Idle asks once for the row under the cursor; a move asks for the new row")
    func asksForTheRowUnderTheCursor() {
        var state = loadedState(rows)
        #expect(update(&state, .idle) == [.readAhead(1)])
        #expect(update(&state, .idle).isEmpty)              // asked: not again each turn, even if it failed
        _ = update(&state, .key(.down))
        #expect(update(&state, .idle) == [.readAhead(2)])
        _ = update(&state, .threadReadAhead(thread(2)))
        #expect(update(&state, .idle).isEmpty)              // held
    }

    @Test("Enter on the row read ahead opens the thread loaded, marks it seen and reads it again after the frame")
    func enterShowsWhatWasReadAhead() {
        var state = loadedState(rows)
        _ = update(&state, .idle)
        _ = update(&state, .threadReadAhead(thread(1, ["Where is my invoice?"])))
        let effects = update(&state, .key(.enter))
        #expect(effects == [.markSeen(1), .readAhead(1)])
        #expect(!effects.contains(.openConversation(1)))
        #expect(state.thread?.loaded == true)
        #expect(state.thread?.messages.map(\.text) == ["Where is my invoice?"])
        // The second read finds a newer message: the open thread shows it.
        _ = update(&state, .threadReadAhead(thread(1, ["Where is my invoice?", "Found it, thanks"])))
        #expect(state.thread?.messages.count == 2)
    }

    @Test("r on a row read ahead opens the thread with the composer at once")
    func replyFromTheList() {
        var state = loadedState(rows)
        _ = update(&state, .threadReadAhead(thread(1)))
        _ = update(&state, .key(.char("r")))
        #expect(state.thread?.conversationID == 1)
        #expect(state.activeComposer != nil)
        #expect(state.compose.pending == nil)
    }

    @Test("A thread read ahead for another row is not shown for this one")
    func anotherRowsThreadIsNotUsed() {
        var state = loadedState(rows)
        _ = update(&state, .threadReadAhead(thread(2)))
        #expect(update(&state, .key(.enter)) == [.openConversation(1), .markSeen(1)])
        #expect(state.thread?.loaded == false)
    }

    @Test("A change by another process, or a write of ours, forgets what was read ahead and asks again")
    func changesForgetIt() {
        var state = loadedState(rows)
        _ = update(&state, .threadReadAhead(thread(1)))
        _ = update(&state, .storeChanged)
        #expect(state.readAhead.held == nil)
        #expect(update(&state, .idle) == [.readAhead(1)])
        _ = update(&state, .threadReadAhead(thread(1)))
        #expect(update(&state, .key(.char("s"))).contains(.setStatus(1, .pending)))
        #expect(state.readAhead.held == nil)
        #expect(update(&state, .key(.enter)).contains(.openConversation(1)))
    }

    @Test("In a thread the next row is read ahead, and J opens it from memory")
    func nextConversationInAThread() {
        var state = loadedState(rows)
        _ = update(&state, .key(.enter))
        _ = update(&state, .threadLoaded(thread(1)))
        #expect(update(&state, .idle) == [.readAhead(2)])
        _ = update(&state, .threadReadAhead(thread(2, ["Second"])))
        #expect(state.thread?.conversationID == 1)          // held, not shown
        _ = update(&state, .key(.char("J")))
        #expect(state.thread?.conversationID == 2)
        #expect(state.thread?.messages.map(\.text) == ["Second"])
    }

    @Test("Nothing is read ahead under an overlay")
    func notUnderAnOverlay() {
        var state = loadedState(rows)
        _ = update(&state, .key(.char("?")))
        #expect(update(&state, .idle).isEmpty)
    }
}
