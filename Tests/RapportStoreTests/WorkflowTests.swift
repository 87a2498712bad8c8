import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite struct WorkflowTests {
    @Test func aReferralPreparesAThankYouForTheReferrersOwner() throws {
        let t = try TemporaryStore()
        let dana = try t.customer("Dana", email: "dana@x.org", owner: "priya")
        let marcus = try t.customer("Marcus", email: "marcus@x.org")
        try t.store.recordReferral(customer: marcus.id, referrer: dana.id, source: nil, coupon: "FRIEND10",
                                   thankYou: PreparedMessage(subject: "Thank you", text: "Hi Dana, code FRIEND10"), at: Date())
        let queue = try t.store.thankYouQueue(agent: "priya")
        #expect(queue.count == 1 && queue[0].referrerName == "Dana Whitfield" && queue[0].referred == ["Marcus Whitfield"])
        let conversation = try #require(queue[0].conversationID)
        #expect(try t.store.conversation(id: conversation)?.customerID == dana.id)
        #expect(try t.store.draft(conversation: conversation, agent: "priya")?.text == "Hi Dana, code FRIEND10")
        #expect(try t.store.thankYouQueue(agent: "sam").isEmpty)
        #expect(try t.store.messages(conversation: conversation).isEmpty, "a thank-you is never sent automatically")
        // A reply queued there with the mark the application decided is what thanks them.
        #expect(try t.store.pendingMarks(conversation: conversation) == [.referralThanked])
        try t.store.queueReply(QueuedReply(
            message: NewMessage(conversationID: conversation, direction: .outbound, author: "priya", from: "priya@example.com",
                                to: ["dana@x.org"], subject: "Thank you", text: "Hi Dana", messageID: "t1@example.com",
                                date: Date()),
            customerID: dana.id, owner: "priya", toAddress: "dana@x.org", marks: [.referralThanked]))
        #expect(try t.store.pendingMarks(conversation: conversation).isEmpty)
        #expect(try t.store.thankYouQueue(agent: "priya").isEmpty)
        #expect(try t.store.referrals(unthankedOnly: false).first?.thanked == true)
        #expect(try t.store.customerProfile(id: dana.id, now: Date())?.referrals.map(\.thanked) == [true])
        #expect(try t.store.customerProfile(id: marcus.id, now: Date())?.referredBy?.id == dana.id)
    }

    @Test func aReferrerWithoutOwnerQueuesTheDraftUntilSomeoneTakesThem() throws {
        let t = try TemporaryStore()
        let dana = try t.customer("Dana", email: "dana@x.org")
        let marcus = try t.customer("Marcus", email: "marcus@x.org")
        try t.store.recordReferral(customer: marcus.id, referrer: dana.id, source: nil, coupon: nil,
                                   thankYou: PreparedMessage(subject: "Thanks", text: "Hi Dana"), at: Date())
        let conversation = try #require(try t.store.thankYouQueue(agent: "").first?.conversationID)
        try Ownership(store: t.store).change(customer: dana.id, to: "sam", by: "sam", note: nil)
        #expect(try t.store.draft(conversation: conversation, agent: "sam")?.text == "Hi Dana")
        #expect(try t.store.thankYouQueue(agent: "sam").count == 1)
        // And on to the next owner when Dana changes hands.
        try Ownership(store: t.store).change(customer: dana.id, to: "priya", by: "priya", note: "Sam is away")
        #expect(try t.store.draft(conversation: conversation, agent: "priya") != nil)
        #expect(try t.store.draft(conversation: conversation, agent: "sam") == nil)
    }

    @Test func headsUpImportIsIdempotentAndDueBeforeTheChange() throws {
        let t = try TemporaryStore()
        let dana = try t.customer("Dana", email: "dana@x.org", owner: "sam")
        _ = try t.customer("Marcus", email: "marcus@x.org", owner: "priya")
        let effective = try #require(ISODate.parse("2030-03-01"))
        let rows = ["dana@x.org", "marcus@x.org"].enumerated().map {
            HeadsUpImport.Row(line: $0.offset + 2, email: $0.element, kind: "fee", effectiveDate: effective,
                              details: "Paper statements cost 2", leadDays: 10)
        }
        var rendered: [String] = []
        let make = { (row: HeadsUpImport.Row, c: Customer, owner: Agent?) -> PreparedMessage in
            rendered.append(c.firstName)
            return PreparedMessage(subject: "Heads-up", text: "Hi \(c.firstName), \(row.details). \(owner?.firstName ?? "")")
        }
        #expect(try t.store.importHeadsUps(rows, message: make) == 2)
        #expect(try t.store.importHeadsUps(rows, message: make) == 0)
        #expect(rendered == ["Dana", "Marcus"])
        let samQueue = try t.store.headsUpQueue(agent: "sam")
        #expect(samQueue.count == 1 && samQueue[0].customerID == dana.id)
        #expect(samQueue[0].due == effective.addingTimeInterval(-10 * 86_400))
        let draft = try #require(try t.store.draft(conversation: samQueue[0].conversationID, agent: "sam"))
        #expect(draft.text == "Hi Dana, Paper statements cost 2. Sam" && draft.due == samQueue[0].due)
        let status = try t.store.headsUpStatus(now: effective.addingTimeInterval(-30 * 86_400))
        #expect(status == [HeadsUpStatusRow(kind: "fee", effectiveDate: "2030-03-01", affected: 2, told: 0, pending: 2, overdue: 0)])
        #expect(try t.store.pendingMarks(conversation: samQueue[0].conversationID) == [.headsUpTold])
        try t.store.queueReply(QueuedReply(
            message: NewMessage(conversationID: samQueue[0].conversationID, direction: .outbound, author: "sam",
                                from: "sam@example.com", to: ["dana@x.org"], subject: "Heads-up", text: "…",
                                messageID: "h1@example.com", date: Date()),
            customerID: dana.id, owner: "sam", toAddress: "dana@x.org", marks: [.headsUpTold]))
        let later = try t.store.headsUpStatus(now: effective.addingTimeInterval(-5 * 86_400))
        #expect(later == [HeadsUpStatusRow(kind: "fee", effectiveDate: "2030-03-01", affected: 2, told: 1, pending: 0, overdue: 1)])
        #expect(try t.store.headsUpQueue(agent: "sam").isEmpty)
    }

    @Test func headsUpImportWithAnUnknownCustomerWritesNothing() throws {
        let t = try TemporaryStore()
        _ = try t.customer("Dana", email: "dana@x.org", owner: "sam")
        let before = try t.tableCounts()
        let rows = ["dana@x.org", "ghost@x.org"].map {
            HeadsUpImport.Row(line: 2, email: $0, kind: "fee", effectiveDate: Date(), details: "", leadDays: 7)
        }
        #expect(throws: RapportError.unknownCustomer("ghost@x.org")) {
            try t.store.importHeadsUps(rows) { _, _, _ in PreparedMessage(subject: "s", text: "t") }
        }
        #expect(try t.tableCounts() == before)
    }

    @Test func customerImportAddsUpdatesAndOnlyReassignsWhenAsked() throws {
        let t = try TemporaryStore()
        let dana = try t.customer("Dana", email: "dana@x.org", owner: "sam")
        let table = try CSVTable(text: """
            first_name,last_name,email,owner,existing,email2
            Dana,Whitfield-Lee,dana@x.org,priya,yes,dana@bakery.example
            Marcus,Lee,marcus@x.org,sam,no,
            """)
        let rows = CustomerImport.read(table) { _ in true }.rows
        let conflicts = try t.store.importConflicts(in: rows)
        #expect(conflicts.count == 1 && conflicts[0].isOwnerChange && conflicts[0].problem.line == 2)
        #expect(throws: RapportError.self) { try t.store.importCustomers(rows, reassign: false, by: "sam") }
        #expect(try t.store.customer(id: dana.id)?.lastName == "Whitfield", "a refused import changes nothing")
        let result = try t.store.importCustomers(rows, reassign: true, by: "sam")
        #expect(result == CustomerImportResult(added: 1, updated: 1, reassigned: 1))
        let updated = try #require(try t.store.customer(id: dana.id))
        #expect(updated.lastName == "Whitfield-Lee" && updated.owner == "priya")
        #expect(updated.addresses == ["dana@x.org", "dana@bakery.example"])
        #expect(try t.store.assignments(customer: dana.id).last?.note == "import")
        // Re-importing the same file changes nothing more.
        #expect(try t.store.importCustomers(rows, reassign: false, by: "sam").reassigned == 0)
        #expect(try t.store.assignments(customer: dana.id).count == 2)
    }

    @Test func statsOnAConstructedHistory() throws {
        let t = try TemporaryStore()
        let dana = try t.customer("Dana", email: "dana@x.org", owner: "sam")
        let c = try t.store.startConversation(customer: dana.id, subject: "Claim", at: Date(timeIntervalSince1970: 0))
        func add(_ direction: MessageDirection, _ author: String?, at hours: Double) throws {
            try t.store.appendMessage(NewMessage(conversationID: c.id, direction: direction, author: author, from: "x@y.z",
                                                 subject: "Claim", text: "…", date: Date(timeIntervalSince1970: hours * 3600)))
        }
        try add(.inbound, nil, at: 0)
        try add(.outbound, "priya", at: 2)      // first reply after 2 h, by priya
        try add(.outbound, "sam", at: 3)
        try add(.outbound, "sam", at: 4)
        try add(.inbound, nil, at: 5)           // the customer spoke last: waiting on us
        let c2 = try t.store.startConversation(customer: dana.id, subject: "Other", at: Date(timeIntervalSince1970: 0))
        try t.store.appendMessage(NewMessage(conversationID: c2.id, direction: .inbound, from: "dana@x.org", subject: "Other",
                                             text: "…", date: Date(timeIntervalSince1970: 0)))
        try t.store.appendMessage(NewMessage(conversationID: c2.id, direction: .outbound, author: "sam", from: "sam@example.com",
                                             subject: "Other", text: "…", date: Date(timeIntervalSince1970: 4 * 3600)))
        let stats = try t.store.teamStats(now: Date(timeIntervalSince1970: 10 * 3600))
        let sam = try #require(stats.agents.first { $0.login == "sam" })
        #expect(sam.customersOwned == 1 && sam.waitingOnUs == 1)
        #expect(sam.samePersonShare == 0.75)
        #expect(sam.medianFirstReplySeconds == Double(4 * 3600))
        #expect(stats.agents.first { $0.login == "priya" }?.medianFirstReplySeconds == Double(2 * 3600))
        #expect(stats.team.medianFirstReplySeconds == Double(3 * 3600))
        let health = try #require(try t.store.customerProfile(id: dana.id, now: Date(timeIntervalSince1970: 10 * 86_400))?.health)
        #expect(health.sameOwnerShare == 0.75 && health.daysSinceWeWrote == 9 && health.ownerChangesLastYear == 0)
        let quiet = try t.store.quietCustomers(agent: "sam", days: 5, now: Date(timeIntervalSince1970: 10 * 86_400))
        #expect(quiet.map(\.customerID) == [dana.id] && quiet[0].daysQuiet == 9)
        #expect(try t.store.quietCustomers(agent: "sam", days: 30, now: Date(timeIntervalSince1970: 10 * 86_400)).isEmpty)
    }
}
