import Foundation
import RapportCore
@testable import RapportTUI
import Testing

/// "Remind me if no reply in N days" from the composer (Ctrl-G), through the real loop and store.
@Suite struct ReminderLoopTests {
    @Test func aReplySentWithAReminderLeavesTheViewsUntilItsDayUnlessTheCustomerAnswers() throws {
        let fixture = try InboxFixture()
        let (services, delivery, _) = try fixture.capturingDelivery()
        var inbox = fixture.inbox(composer: services)
        inbox.press(.enter)                        // Dana's conversation, Sam's customer
        inbox.press(.char("r"))
        inbox.press(.ctrl("g"), .ctrl("g"))        // 3 days, then 7
        #expect(inbox.text.contains("remind in 7d"), "\(inbox.text)")
        for (i, line) in ["Hi Dana,", "", "The quote is attached to my next message.", "", "Sam"].enumerated() {
            if i > 0 { inbox.press(.enter) }
            inbox.type(line)
        }
        let before = Date()
        inbox.press(.ctrl("s"))
        delivery.waitUntilIdle()
        inbox.settle()
        let dana = try #require(try fixture.store.customer(email: "dana@example.org"))
        let snoozed = try fixture.store.snoozedConversations()
        #expect(snoozed.count == 1 && snoozed.first?.customerID == dana.id)
        let until = try #require(snoozed.first?.snoozedUntil)
        // Seven days from the moment it was sent (the runner dates it by the wall clock).
        #expect(until >= before.addingTimeInterval(7 * 86_400) && until <= Date().addingTimeInterval(7 * 86_400))
        // Out of Mine; the thread says until when.
        #expect(inbox.text.contains("mine 0"), "\(inbox.text)")
        #expect(inbox.lines[0].contains("· snoozed until " + Formatting.dateTime(until, .current)), "\(inbox.lines[0])")
    }
}
