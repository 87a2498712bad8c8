import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Referrals, heads-ups and what a sent reply completes")
struct WorkflowUseCaseTests {
    func feeRow(_ email: String, line: Int = 2) -> HeadsUpImport.Row {
        HeadsUpImport.Row(line: line, email: email, kind: "fee", effectiveDate: Date(timeIntervalSince1970: 1_900_000_000 + 30 * 86_400),
                          details: "Paper statements cost 2 a month", leadDays: 7)
    }

    @Test("recording a referral prepares a thank-you draft for the referrer's owner, and says where it waits")
    func referralAndThankYouDraft() throws {
        let f = try AppFixture()
        let dana = try f.customer(owner: "priya")
        let marcus = try f.customer("Marcus", email: "marcus@example.org", owner: nil, existing: false)
        let recorded = try Referrals(store: f.store, clock: { f.now })
            .record(customer: marcus.id, referrer: dana.id, source: nil, coupon: "FRIEND10")
        #expect(recorded.summary(for: "sam") == "Dana Whitfield referred Marcus: a thank-you draft waits in priya's Thank-you view")
        #expect(recorded.summary(for: "priya") == "Dana Whitfield referred Marcus: a thank-you draft waits in your Thank-you view")
        let queue = try f.store.thankYouQueue(agent: "priya")
        let conversation = try #require(queue.first?.conversationID)
        let draft = try #require(try f.store.draft(conversation: conversation, agent: "priya"))
        #expect(draft.text.contains("Marcus") && draft.text.contains("FRIEND10") && draft.text.contains("Priya"))
        #expect(try f.store.messages(conversation: conversation).isEmpty, "a thank-you is never sent by itself")
        let list = try Referrals(store: f.store).list(unthankedOnly: true)
        #expect(list.map(\.customerEmail) == ["marcus@example.org"] && list.first?.coupon == "FRIEND10")
    }

    @Test("a source instead of a referrer records no draft")
    func referralSource() throws {
        let f = try AppFixture()
        let marcus = try f.customer("Marcus", email: "marcus@example.org", owner: nil, existing: false)
        let recorded = try Referrals(store: f.store).record(customer: marcus.id, referrer: nil, source: "local radio")
        #expect(recorded.summary(for: nil) == "Marcus heard about us through local radio")
        #expect(try f.store.thankYouQueue(agent: "").isEmpty)
        #expect(try Referrals(store: f.store).list(unthankedOnly: false).first?.source == "local radio")
    }

    @Test("a customer cannot refer themselves: refused before anything is recorded or drafted")
    func noSelfReferral() throws {
        let f = try AppFixture()
        let dana = try f.customer(owner: "priya")
        #expect(throws: RapportError.invalid("a customer cannot refer themselves")) {
            try Referrals(store: f.store, clock: { f.now }).record(customer: dana.id, referrer: dana.id, source: nil)
        }
        #expect(try Referrals(store: f.store).list(unthankedOnly: false).isEmpty)
        #expect(try f.store.thankYouQueue(agent: "priya").isEmpty)
    }

    @Test("thanked is set by a reply in the thank-you conversation, not by one elsewhere")
    func thankedOnlyInThatConversation() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let marcus = try f.customer("Marcus", email: "marcus@example.org", owner: nil, existing: false)
        try Referrals(store: f.store, clock: { f.now }).record(customer: marcus.id, referrer: dana.id, source: nil)
        let thanks = try #require(try f.store.thankYouQueue(agent: "sam").first?.conversationID)
        let replies = Replies(store: f.store, clock: { f.now })
        let elsewhere = try f.conversation(dana)
        try replies.queue(conversation: elsewhere, agent: "sam", text: personalReply())
        #expect(try Referrals(store: f.store).list(unthankedOnly: true).count == 1)
        try replies.queue(conversation: thanks, agent: "sam", text: personalReply())
        #expect(try Referrals(store: f.store).list(unthankedOnly: true).isEmpty)
        #expect(try f.store.thankYouQueue(agent: "sam").isEmpty)
    }

    @Test("told is set by a reply in the heads-up conversation, not by one elsewhere")
    func toldOnlyInThatConversation() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let headsUps = HeadsUps(store: f.store, clock: { f.now })
        try headsUps.import([feeRow("dana@example.org")])
        let item = try #require(try f.store.headsUpQueue(agent: "sam").first)
        let replies = Replies(store: f.store, clock: { f.now })
        try replies.queue(conversation: try f.conversation(dana), agent: "sam", text: personalReply())
        #expect(try headsUps.status().map(\.told) == [0])
        try replies.queue(conversation: item.conversationID, agent: "sam", text: personalReply())
        #expect(try headsUps.status().map(\.told) == [1])
        #expect(try f.store.headsUpQueue(agent: "sam").isEmpty)
    }

    @Test("importing the same heads-up twice creates one draft; the draft is the owner's, from the template")
    func headsUpImportIsIdempotent() throws {
        let f = try AppFixture()
        try f.customer()
        try f.customer("Marcus", email: "marcus@example.org", owner: "priya")
        let headsUps = HeadsUps(store: f.store, clock: { f.now })
        let rows = [feeRow("dana@example.org"), feeRow("marcus@example.org", line: 3)]
        #expect(try headsUps.import(rows) == 2)
        #expect(try headsUps.import(rows) == 0)
        let mine = try f.store.headsUpQueue(agent: "sam")
        #expect(mine.count == 1)
        let draft = try #require(try f.store.draft(conversation: mine[0].conversationID, agent: "sam"))
        #expect(draft.text.contains("Dana") && draft.text.contains("Sam"))
        #expect(try headsUps.status().map(\.affected) == [2])
    }

    @Test("heads-up rows with an unknown kind or customer are problems, not imports")
    func headsUpReading() throws {
        let f = try AppFixture()
        try f.customer()
        let table = try CSVTable(text: """
            email,kind,effective_date,details
            dana@example.org,fee,2030-03-01,Paper statements
            ghost@example.org,fee,2030-03-01,
            dana@example.org,weather,2030-03-01,
            """)
        let (rows, problems) = try HeadsUps(store: f.store).read(table, leadDays: 7)
        #expect(rows.map(\.line) == [2])
        #expect(problems.map(\.line) == [3, 4])
    }

    @Test("template choices offer the heads-up template only to a customer with an upcoming event")
    func templateChoices() throws {
        let f = try AppFixture()
        let dana = try f.customer()
        let marcus = try f.customer("Marcus", email: "marcus@example.org")
        try HeadsUps(store: f.store, clock: { f.now }).import([feeRow("dana@example.org")])
        let sam = try Agents(store: f.store).named("sam")
        // The event must still be upcoming when the choices are made.
        let templates = Templates(store: f.store, library: TemplateLibrary.load(), clock: { f.now })
        let forDana = try templates.choices(conversation: try f.conversation(dana), agent: sam)
        let fee = try #require(forDana.first { $0.name == "headsup-fee" })
        #expect(fee.text.contains("Dana") && fee.text.contains("Paper statements cost 2 a month"))
        #expect(!forDana.contains { $0.kind == "thank-you" }, "no unthanked referral, no thank-you note")
        let forMarcus = try templates.choices(conversation: try f.conversation(marcus), agent: sam)
        #expect(!forMarcus.contains { $0.kind == "heads-up" })
        #expect(forMarcus.contains { $0.kind == "reply" })
    }
}
