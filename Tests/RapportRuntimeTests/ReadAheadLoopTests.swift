import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

/// The effect runner, remembering what it was asked to do.
final class RecordingRunner: EffectInterpreter {
    let runner: EffectRunner
    var performed: [Effect] = []

    init(_ runner: EffectRunner) { self.runner = runner }

    func perform(_ effect: Effect) -> [AppMsg] {
        performed.append(effect)
        return runner.perform(effect)
    }
}

@Suite("In-memory inbox on a real store: Enter shows the thread read ahead without waiting for the store")
struct ReadAheadLoopTests {
    func inbox(_ fixture: InboxFixture) -> (screen: InMemoryScreen, program: Program, runner: RecordingRunner) {
        let screen = InMemoryScreen(width: 120, height: 40)
        let runner = RecordingRunner(EffectRunner(store: fixture.store, agent: fixture.sam, quietDays: 90))
        let changes = ChangeWatcher(feed: fixture.store)
        let now = fixture.now
        let program = Program(screen: screen, state: AppState(agent: fixture.sam, width: 120, height: 40, now: now),
                              interpreter: runner, sources: .init(storeChanges: changes.messages, clock: { now }))
        return (screen, program, runner)
    }

    @Test("after the list settles, Enter's frame shows Dana's message; the store is read again only after the frame")
    func enterFromMemory() throws {
        let fixture = try InboxFixture()
        var (screen, program, runner) = inbox(fixture)
        #expect(program.runUntilIdle() == nil)
        #expect(runner.performed.contains { if case .readAhead = $0 { true } else { false } })
        runner.performed = []
        screen.press(.enter)
        #expect(program.step(timeout: 0) == nil)            // the key to its frame, nothing after it yet
        #expect(screen.text.contains("Hello, a question about renewal quote."), "\(screen.text)")
        #expect(!runner.performed.contains { if case .openConversation = $0 { true } else { false } },
                "the frame waited for the store: \(runner.performed)")
        #expect(program.settle() == nil)
        let dana = try #require(program.state.thread?.conversationID)
        #expect(runner.performed.starts(with: [.markSeen(dana), .readAhead(dana)]), "\(runner.performed)")
    }

    @Test("a message written by another process after the read ahead is on the frame Enter draws")
    func anotherProcessesMessageIsShown() throws {
        let fixture = try InboxFixture()
        var (screen, program, _) = inbox(fixture)
        #expect(program.runUntilIdle() == nil)
        let other = try SQLiteStore(path: fixture.path, create: false)
        let dana = try #require(try other.customer(email: "dana@example.org"))
        let conversation = try #require(try other.conversations(ConversationQuery(), from: nil, direction: .after,
                                                                  limit: 10, agent: "sam").first { $0.customerID == dana.id })
        try other.appendMessage(NewMessage(conversationID: conversation.id, direction: .inbound, from: "dana@example.org",
                                           to: ["sam@example.com"], subject: "Renewal quote", text: "Also, my address changed.",
                                           messageID: "dana-2@example.org", date: fixture.now))
        screen.press(.enter)
        #expect(program.step(timeout: 0) == nil)
        #expect(screen.text.contains("Also, my address changed."), "\(screen.text)")
    }
}
