import Foundation
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

/// A real store file with a small team and three customers, and the inbox's loop on an in-memory
/// screen over it: Sam's inbox, as `rapport inbox --agent sam` would open it.
///
/// Dana is Sam's customer, Eli has no owner yet, Farah is Priya's. Each wrote once. The clock is
/// fixed, so no tick comes from the wall clock while a test runs.
struct InboxFixture {
    let folder: TemporaryDirectory
    let store: SQLiteStore
    let sam = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com")
    let priya = Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com")
    /// Whole seconds: the store keeps dates to the second, and an age of 1h59m59.5s would show as 1h.
    let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    var path: String { store.path }

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteStore(path: folder.path("rapport.sqlite"), create: true)
        try store.addAgent(sam)
        try store.addAgent(priya)
        try customerWrites("Dana", owner: "sam", subject: "Renewal quote", hoursAgo: 2)
        try customerWrites("Eli", owner: nil, subject: "Windscreen chip", hoursAgo: 3)
        try customerWrites("Farah", owner: "priya", subject: "Direct debit date", hoursAgo: 4)
    }

    /// A customer (last name Whitfield, address first@example.org) and the conversation they opened.
    @discardableResult
    func customerWrites(_ first: String, owner: String?, subject: String, hoursAgo: Double,
                        in store: SQLiteStore? = nil, existing: Bool = false) throws -> Customer {
        let store = store ?? self.store
        let email = first.lowercased() + "@example.org"
        let customer = try store.addCustomer(NewCustomer(firstName: first, lastName: "Whitfield", email: email, owner: owner,
                                                                         isExisting: existing),
                                             by: owner)
        let at = now.addingTimeInterval(-hoursAgo * 3600)
        let conversation = try store.startConversation(customer: customer.id, subject: subject, at: at)
        try store.appendMessage(NewMessage(conversationID: conversation.id, direction: .inbound, from: email,
                                           to: [owner.map { "\($0)@example.com" } ?? "hello@example.com"],
                                           subject: subject, text: "Hello, a question about \(subject.lowercased()).",
                                           messageID: "\(first.lowercased())-1@example.org", date: at))
        return customer
    }

    /// The owner the store has for a customer.
    func owner(of first: String) throws -> String? {
        try store.customer(email: first.lowercased() + "@example.org")?.owner
    }

    /// Composer services that deliver through a sendmail script keeping the last message it is given
    /// (on standard input, recipients from its headers) in `sent`.
    func capturingDelivery() throws -> (services: ComposerServices, delivery: BackgroundDelivery, sent: String) {
        let sent = folder.path("sent.eml")
        let sendmail = folder.path("sendmail")
        try "#!/bin/sh\ncat > \"\(sent)\"\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        let transport = SendmailTransport(command: [sendmail, "-t", "-oi"])
        let delivery = BackgroundDelivery(outbox: store, transport: transport, sentMaildir: nil)
        return (ComposerServices(outbox: store, templates: TemplateLibrary(shipped: []), delivery: delivery), delivery, sent)
    }

    /// Sam's inbox (or `agent`'s, over `store`: another instance is another process) on a
    /// `width`×`height` in-memory screen, the first frame drawn.
    func inbox(width: Int = 120, height: Int = 40, composer: ComposerServices? = nil,
               attachments: AttachmentActions? = nil, agent: Agent? = nil, store: SQLiteStore? = nil) -> Inbox {
        let agent = agent ?? sam, store = store ?? self.store
        let screen = InMemoryScreen(width: width, height: height)
        var runner = EffectRunner(store: store, agent: agent, quietDays: 90)
        runner.composer = composer
        if let attachments { runner.attachments = attachments }
        let changes = ChangeWatcher(feed: store)
        let delivery = composer?.delivery
        let now = now
        let program = Program(screen: screen, state: AppState(agent: agent, width: width, height: height, now: now),
                              interpreter: runner,
                              sources: .init(background: { delivery?.takeResults() ?? [] },
                                             storeChanges: changes.messages, clock: { now }))
        var inbox = Inbox(screen: screen, program: program)
        inbox.settle()
        return inbox
    }

    /// Sam's inbox on its Unassigned view (key 2), where Eli's conversation waits.
    func unassignedInbox() -> Inbox {
        var inbox = inbox()
        inbox.press(.char("2"))
        return inbox
    }
}

/// The loop and its screen, driven step by step: script keys, then let the loop run until idle.
struct Inbox {
    let screen: InMemoryScreen
    var program: Program

    /// Runs the loop until nothing is left to do; the screen then shows the result.
    mutating func settle() {
        if let end = program.runUntilIdle() { Issue.record("the inbox stopped: \(end)") }
    }

    /// Types each item (a key, or text typed character by character), then settles.
    mutating func press(_ keys: Key...) {
        for key in keys { screen.press(key) }
        settle()
    }

    mutating func type(_ text: String) {
        screen.type(text)
        settle()
    }

    /// The screen as text, for `contains` and failure messages.
    var text: String { screen.text }
    var lines: [String] { screen.lines }
}
