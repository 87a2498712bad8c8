import Foundation
import RapportApp
import RapportCore
import RapportPostgres
import RapportStore
import Testing

/// `rapport store copy`: a SQLite store with a bit of everything, copied into a new PostgreSQL store,
/// reads back the same through the port, and a target holding rows is refused.
@Suite(.enabled(if: PostgresTestServer.location != nil, "needs RAPPORT_TEST_POSTGRES"))
struct StoreCopyTests {
    let sqlite = StoreFactories.all[0]

    /// Customers (one referred by a later one, with a thank-you, one with a guessed name), owners and their
    /// log, conversations, a note, a draft, a heads-up, a reply in the outbox, a message with Cc and Reply-To.
    func seeded() throws -> ContractStore {
        let s = try ContractStore(sqlite)
        let item = try s.queuedReply()
        _ = try s.store.claimForSending(item.id, claim: testClaim, at: ContractStore.t0)
        let lee = try s.customer("Lee")
        let ana = try s.customer("Ana", owner: "priya")
        try changeOwner(s.store, lee.id, to: "sam", by: "sam", note: nil)
        try s.store.recordReferral(customer: lee.id, referrer: ana.id, source: "friend", coupon: "C10",
                                   thankYou: PreparedMessage(subject: "Thank you", text: "Thanks, Ana"), at: ContractStore.t0)
        let c = try s.conversation(with: ana, subject: "Café", text: "Crème brûlée")
        let note = try s.store.addNote(conversation: c.id, agent: ContractStore.priya, text: "called her @sam",
                                       at: ContractStore.t0)
        // Schema v14's rows: an absence, a reply written while covering, a mention, a "For you" read mark.
        try s.store.setAbsence(Absence(login: "priya", until: ContractStore.t0.addingTimeInterval(7 * 86_400), cover: "sam",
                                       setBy: "priya", since: ContractStore.t0))
        _ = try queueOutboxItem(s.store, conversation: c.id, agent: "sam", text: "Hi Ana", at: ContractStore.t0, coveringFor: "priya")
        try s.store.addMentions(message: note.id, agents: ["sam"])
        try s.store.markForYouRead(agent: "sam", at: ContractStore.t0)
        try s.store.saveDraft(Draft(conversationID: c.id, agent: "priya", kind: .reply, text: "Hi Ana", cursor: 3,
                                    updated: ContractStore.t0))
        _ = try s.store.importHeadsUps([HeadsUpImport.Row(line: 2, email: ana.primaryEmail, kind: "fee",
                                                          effectiveDate: ContractStore.t0.addingTimeInterval(86_400 * 30),
                                                          details: "Paper costs 2", leadDays: 10)]) { _, customer, _ in
            PreparedMessage(subject: "A change", text: "Hi \(customer.firstName)")
        }
        try s.store.markSeen(conversation: c.id, agent: "sam", at: ContractStore.t0)
        // A customer met by mail: a guessed name, a message with Cc and Reply-To (schema v9's columns).
        _ = try s.store.ingest([.mail(IncomingMail(
            seenKey: "/mail:j", path: "/mail/new/j", dedupKey: "mid:j@x", fromAddress: "j.smith82@gmail.example", fromName: nil,
            to: ["sam@example.com"], cc: ["alex@home.example"], replyTo: [NamedAddress(address: "j.smith82@gmail.example")],
            subject: "Hello", text: "Hi", messageID: "j@x", inReplyTo: nil, references: [], date: ContractStore.t0,
            attachments: []))], rules: .standard)
        return s
    }

    /// What a person sees of a store, read through the port.
    func view(_ store: any StorePort) throws -> [String] {
        let customers = try store.customers(owner: .anyone)
        var lines = customers.map { "\($0)" } + (try store.agents()).map { "\($0)" }
        for customer in customers {
            lines += try store.assignments(customer: customer.id).map { "\($0)" }
            lines += try store.coverLog(customer: customer.id).map { "\($0)" }
            lines.append("\(String(describing: try store.customerProfile(id: customer.id, now: ContractStore.t0)))")
        }
        let all = try store.conversations(ConversationQuery(includeEmpty: true), from: nil, direction: .after, limit: 100, agent: "sam")
        lines += all.map { "\($0)" }
        for c in all {
            lines += try store.messages(conversation: c.id).map { "\($0)" }
            lines += try ["sam", "priya", ""].map { "\(String(describing: try store.draft(conversation: c.id, agent: $0)))" }
        }
        lines += try store.outbox(states: Set(OutboxState.allCases)).map { "\($0)" }
        lines += try store.referrals(unthankedOnly: false).map { "\($0)" }
        lines += try store.headsUpStatus(now: ContractStore.t0).map { "\($0)" }
        lines += try store.thankYouQueue(agent: "priya").map { "\($0)" }
        lines.append("\(try store.counts(agent: "sam"))")
        lines += try store.absences().map { "\($0)" } + store.forYou(agent: "sam", limit: 10).map { "\($0)" }
        lines.append("\(String(describing: try store.forYouReadAt(agent: "sam")))")
        return lines
    }

    @Test func aSQLiteStoreCopiesIntoPostgreSQLAndReadsTheSame() throws {
        let s = try seeded()
        let target = try PostgresTestDatabase(server: try #require(PostgresTestServer.location))
        let source = try #require(s.store as? SQLiteStore)
        let postgres = try PostgresStore(target.location, create: true)
        let counts = try StoreCopy(source: source, target: postgres).copy()
        #expect(counts.map(\.table) == StoreCopy.tables)
        #expect(counts.first { $0.table == "customer" }?.rows == 4)
        #expect(counts.first { $0.table == "outbox" }?.rows == 2)
        #expect(["absence", "cover_log", "mention", "for_you_seen"].allSatisfy { table in counts.first { $0.table == table }?.rows == 1 })
        #expect(try view(postgres) == view(s.store))
        let smith = try #require(try postgres.customer(email: "j.smith82@gmail.example"))
        #expect(smith.nameIsGuess)
        let mail = try #require(try postgres.lastInboundMessage(customer: smith.id))
        #expect(mail.cc == ["alex@home.example"] && mail.replyTo == ["j.smith82@gmail.example"])
        // Search reads the copied messages, and new rows get new ids after the copied ones.
        #expect(try postgres.conversations(ConversationQuery(text: "creme brul"), from: nil, direction: .after,
                                           limit: 10, agent: "sam").count == 1)
        let added = try postgres.addCustomer(NewCustomer(firstName: "New", lastName: "One", email: "new@x.org"), by: nil)
        #expect(added.id == 5)
    }

    @Test func aTargetHoldingRowsIsRefusedAndKeepsThem() throws {
        let s = try seeded()
        let target = try PostgresTestDatabase(server: try #require(PostgresTestServer.location))
        let postgres = try PostgresStore(target.location, create: true)
        try postgres.addAgent(ContractStore.sam)
        #expect(throws: RapportError.self) {
            try StoreCopy(source: try #require(s.store as? SQLiteStore), target: postgres).copy()
        }
        #expect(try postgres.agents() == [ContractStore.sam])
        #expect(try postgres.customers(owner: .anyone).isEmpty)
    }
}
