import Foundation
import RapportCore
import Testing

/// A fresh database from one adapter, opened once, with two agents (unless asked for none).
/// Everything here goes through `StorePort`: the suite never sees an adapter.
struct ContractStore {
    let database: any TestDatabase
    let store: any StorePort

    static let sam = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com")
    static let priya = Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com")
    /// A fixed moment, so dates compare exactly.
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    init(_ factory: StoreFactory, agents: Bool = true) throws {
        database = try factory.makeDatabase()
        store = try database.open()
        if agents {
            try store.addAgent(Self.sam)
            try store.addAgent(Self.priya)
        }
    }

    /// Another instance on the same data: another process, as far as the store can tell.
    func secondInstance() throws -> any StorePort { try database.open() }

    @discardableResult
    func customer(_ first: String = "Dana", email: String? = nil, owner: String? = nil) throws -> Customer {
        try store.addCustomer(NewCustomer(firstName: first, lastName: "Whitfield",
                                          email: email ?? "\(first.lowercased())@example.org", owner: owner), by: owner)
    }

    /// A conversation with one message from the customer, last active at `at`.
    @discardableResult
    func conversation(with customer: Customer, subject: String = "Hello", text: String = "Hi there",
                      at: Date = ContractStore.t0) throws -> Conversation {
        let conversation = try store.startConversation(customer: customer.id, subject: subject, at: at)
        try inbound(conversation.id, from: customer, subject: subject, text: text, at: at)
        return try #require(try store.conversation(id: conversation.id))
    }

    @discardableResult
    func inbound(_ conversation: ConversationID, from customer: Customer, subject: String = "Hello",
                 text: String = "Hi there", at: Date = ContractStore.t0) throws -> Message {
        try store.appendMessage(NewMessage(conversationID: conversation, direction: .inbound, from: customer.primaryEmail,
                                           to: [Self.sam.email], subject: subject, text: text,
                                           messageID: "\(UUID().uuidString)@example.org", date: at))
    }

    /// J Smith, whose name ingest guessed from the address j.smith82@gmail.example of his first message.
    func customerWithAGuessedName() throws -> Customer {
        let mail = IncomingMail(
            seenKey: "/mail:j", path: "/mail/new/j", dedupKey: "mid:j@x", fromAddress: "j.smith82@gmail.example", fromName: nil,
            to: ["sam@example.com"], subject: "Hello", text: "Hi", messageID: "j@x", inReplyTo: nil, references: [],
            date: ContractStore.t0, attachments: [])
        _ = try store.ingest([.mail(mail)], rules: .standard)
        return try #require(try store.customer(email: "j.smith82@gmail.example"))
    }

    /// A customer owned by sam with one conversation, and sam's reply to it in the outbox.
    func queuedReply(text: String = "Hi Dana,\n\nDone.\n\nSam") throws -> OutboxItem {
        let dana = try customer(owner: Self.sam.login)
        let c = try conversation(with: dana)
        return try queueOutboxItem(store, conversation: c.id, agent: Self.sam.login, text: text, at: Self.t0)
    }
}

/// The claim the suite delivers under: a process on another host, until an hour after `t0`.
let testClaim = OutboxClaim(claimant: "contract-host:4242:1", until: ContractStore.t0.addingTimeInterval(3_600))

/// The one way the suite puts a reply in the outbox: a reply as the application layer builds it
/// (permission and policy are its rules, not the store's), written while `agent` owns the customer.
func queueOutboxItem(_ store: any StorePort, conversation: ConversationID, agent: String, text: String,
                     at: Date, coveringFor: String? = nil, attachments: [OutgoingAttachment] = []) throws -> OutboxItem {
    let thread = try #require(try store.conversation(id: conversation))
    let customer = try #require(try store.customer(id: thread.customerID))
    let me = try #require(try store.agent(login: agent))
    let parent = try store.messages(conversation: conversation).last { $0.messageID != nil && $0.direction != .note }
    let message = NewMessage(conversationID: conversation, direction: .outbound, author: agent, from: me.email,
                             to: [customer.primaryEmail], subject: Subject.reply(to: thread.subject), text: text,
                             messageID: "\(UUID().uuidString.lowercased())@example.com", inReplyTo: parent?.messageID,
                             references: parent?.messageID.map { [$0] } ?? [], date: at,
                             attachments: attachments.map(\.info))
    return try store.queueReply(QueuedReply(message: message, customerID: customer.id, owner: agent,
                                            toAddress: customer.primaryEmail, marks: ReplyMarks(),
                                            coveringFor: coveringFor, attachments: attachments))
}

/// The one way the suite makes an agent the owner of an unowned customer (the race test's move):
/// the conditional write loses, with an error, when another owner got there first.
@discardableResult
func takeCustomer(_ store: any StorePort, _ customer: CustomerID, agent: String) throws -> Assignment {
    guard let taken = try store.changeOwner(customer: customer, from: nil, to: agent, by: agent, note: nil, at: Date()) else {
        throw RapportError.alreadyOwner(customer: "#\(customer)", owner: "someone else")
    }
    return taken
}

/// An owner change as the application layer writes it: from whoever owns the customer now.
@discardableResult
func changeOwner(_ store: any StorePort, _ customer: CustomerID, to owner: String?, by agent: String,
                 note: String?) throws -> Assignment {
    let current = try store.customer(id: customer)?.owner
    guard let changed = try store.changeOwner(customer: customer, from: current, to: owner, by: agent, note: note,
                                              at: Date()) else {
        throw RapportError.invalid("the owner of #\(customer) changed meanwhile")
    }
    return changed
}

/// Lets threads wait for each other, so the work after it starts as nearly together as the machine allows.
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Int
    private var generation = 0
    private let parties: Int

    init(parties: Int) {
        self.parties = parties
        waiting = parties
    }

    func wait() {
        condition.lock()
        defer { condition.unlock() }
        let mine = generation
        waiting -= 1
        if waiting == 0 {
            generation += 1
            waiting = parties
            condition.broadcast()
        } else {
            while generation == mine { condition.wait() }
        }
    }
}

/// Runs `body` on `count` threads at once (released together by a barrier) and returns their results in order.
func race<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let barrier = Barrier(parties: count)
    let results = Locked<[Int: T]>([:])
    let done = DispatchGroup()
    for i in 0..<count {
        done.enter()
        Thread {
            barrier.wait()
            let result = body(i)
            results.mutate { $0[i] = result }
            done.leave()
        }.start()
    }
    done.wait()
    let all = results.value
    return (0..<count).map { all[$0]! }
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
