import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import TestSupport
import Testing

/// The inbox reads the store again for other writers' changes only.
@Suite struct ChangeWatcherTests {
    static let sam = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com")
    static let priya = Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com")

    /// A store file with two agents and three unowned customers, each with a conversation.
    struct Fixture {
        let folder: TemporaryDirectory
        let store: SQLiteStore
        var customers: [CustomerID] = []

        init() throws {
            folder = try TemporaryDirectory()
            store = try SQLiteStore(path: folder.path("rapport.sqlite"), create: true)
            try store.addAgent(ChangeWatcherTests.sam)
            try store.addAgent(ChangeWatcherTests.priya)
            for (i, name) in ["Dana", "Lee", "Marcus"].enumerated() {
                let customer = try store.addCustomer(NewCustomer(firstName: name, lastName: "W", email: "\(name)@example.org"), by: nil)
                let c = try store.startConversation(customer: customer.id, subject: "Hello \(name)", at: Date(timeIntervalSince1970: Double(i)))
                try store.appendMessage(NewMessage(conversationID: c.id, direction: .inbound, from: "\(name)@example.org",
                                                   subject: "Hello", text: "Hi", date: Date(timeIntervalSince1970: Double(i))))
                customers.append(customer.id)
            }
        }

        /// Another process on the same file.
        func otherProcess() throws -> SQLiteStore { try SQLiteStore(path: store.path) }
    }

    /// Sam's inbox on an in-memory screen: the real loop, with the change watcher as its store source.
    func inbox(_ store: any InboxStore & ChangeFeed) -> Inbox {
        let screen = InMemoryScreen(width: 100, height: 20)
        let watcher = ChangeWatcher(feed: store)
        let program = Program(screen: screen, state: AppState(agent: Self.sam, width: 100, height: 20, now: Date()),
                              interpreter: EffectRunner(store: store, agent: Self.sam, quietDays: 90),
                              sources: .init(storeChanges: watcher.messages))
        var inbox = Inbox(screen: screen, program: program)
        inbox.settle()
        return inbox
    }

    @Test func takingARowReadsThePageAndTheCountsOnceNotTwice() throws {
        let f = try Fixture()
        let counting = CountingStore(f.store)
        var inbox = inbox(counting)
        inbox.press(.char("2"))           // Unassigned
        #expect(inbox.program.state.list.rows.count == 3)
        _ = counting.takeReads()
        // What reading the screen once costs: one page load (PageLoader may ask for both sides of
        // the cursor) and the counts.
        inbox.program.send(.storeChanged)
        inbox.settle()
        let once = counting.takeReads()
        #expect(once.pages >= 1 && once.counts == 1)

        inbox.press(.char("t"))
        let reads = counting.takeReads()
        #expect(reads == once, "read once, not twice: our own assignment does not reload the screen")
        #expect(try f.store.customers(owner: .agent("sam")).count == 1)
    }

    @Test func anotherProcesssWriteIsReportedOnTheNextCheck() throws {
        let f = try Fixture()
        let other = try f.otherProcess()
        let watcher = ChangeWatcher(feed: f.store)
        var reload = watcher.othersWrote()
        #expect(!reload)
        try other.changeOwner(customer: f.customers[0], from: nil, to: "priya", by: "priya", note: nil, at: Date())
        reload = watcher.othersWrote()
        #expect(reload)
        reload = watcher.othersWrote()
        #expect(!reload, "each change is reported once")
    }

    @Test func ownWritesNeverAskForAReload() throws {
        let f = try Fixture()
        let watcher = ChangeWatcher(feed: f.store)
        try f.store.changeOwner(customer: f.customers[0], from: nil, to: "sam", by: "sam", note: nil, at: Date())
        var reload = watcher.othersWrote()
        #expect(!reload)
        try f.store.saveDraft(Draft(conversationID: 1, agent: "sam", kind: .reply, text: "Hi", cursor: 0, updated: Date()))
        try f.store.markSeen(conversation: 1, agent: "sam", at: Date())
        try f.store.setStatus(.pending, conversation: 2)
        reload = watcher.othersWrote()
        #expect(!reload)
        #expect(watcher.lastSeen == (try f.store.latestChange()))
    }

    @Test func anotherWriteAmongOwnWritesStillReloads() throws {
        let f = try Fixture()
        let other = try f.otherProcess()
        let watcher = ChangeWatcher(feed: f.store)
        try f.store.changeOwner(customer: f.customers[0], from: nil, to: "sam", by: "sam", note: nil, at: Date())
        try other.setStatus(.closed, conversation: 3)
        try f.store.markSeen(conversation: 1, agent: "sam", at: Date())
        var reload = watcher.othersWrote()
        #expect(reload)
        reload = watcher.othersWrote()
        #expect(!reload)
    }

    @Test func anotherProcesssAssignmentShowsOnTheInboxAfterOnePoll() throws {
        let f = try Fixture()
        var inbox = inbox(f.store)
        inbox.press(.char("2"))
        #expect(inbox.program.state.list.rows.count == 3)
        let other = try f.otherProcess()
        try other.changeOwner(customer: f.customers[1], from: nil, to: "priya", by: "priya", note: nil, at: Date())
        inbox.settle()
        #expect(inbox.program.state.list.rows.count == 2)
        #expect(!inbox.program.state.list.rows.contains { $0.customerID == f.customers[1] })
        #expect(!inbox.text.contains("Lee W"))
    }
}
