import Foundation
import RapportCore
import RapportStore
@testable import RapportTUI
import Testing

/// Cover while away, through the whole inbox on a real store: Sam records his absence with `A`,
/// Priya's inbox (another store instance, as another process) sees his customers in Mine, marked,
/// and answers Gus for him: the cover rule, Ctrl-F's sentence, the reply from Priya, Sam still the owner.
@Suite struct CoverLoopTests {
    /// The day three days after the fixture's now, as typed at the prompt (local time, as the inbox reads it).
    func backDay(_ fixture: InboxFixture) -> String {
        let back = fixture.now.addingTimeInterval(3 * 86_400)
        return back.formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
    }

    @Test("Sam goes away with A; Priya's Mine shows his customers marked; her cover reply must say so and goes out from her")
    func coverFlow() throws {
        let fixture = try InboxFixture()
        // Gus is an existing customer of Sam's (the cover rule is for them: a new one never met Sam).
        try fixture.customerWrites("Gus", owner: "sam", subject: "Roof claim", hoursAgo: 1, existing: true)
        let (services, delivery, sent) = try fixture.capturingDelivery()
        var priya = fixture.inbox(composer: services, agent: fixture.priya)
        #expect(!priya.text.contains("Gus Whitfield"), "\(priya.text)")

        // Sam, in his own inbox on another instance of the store.
        let samStore = try SQLiteStore(path: fixture.path)
        var sam = fixture.inbox(store: samStore)
        sam.press(.char("A"))
        #expect(sam.text.contains("Away: the day you are back"), "\(sam.text)")
        sam.type(backDay(fixture))
        sam.press(.enter)
        #expect(sam.text.contains("Who covers for you until"), "\(sam.text)")
        sam.type("priya")
        sam.press(.enter)
        #expect(sam.text.contains("Priya looks after your customers"), "\(sam.text)")
        let absence = try #require(try fixture.store.absences().first)
        #expect(absence.login == "sam" && absence.cover == "priya")

        // Priya's inbox hears it through the change feed.
        priya.settle()   // one poll of the store: no key pressed
        #expect(priya.text.contains("[covering for Sam] Renewal quote"), "\(priya.text)")
        #expect(priya.text.contains("[covering for Sam] Roof claim"), "\(priya.text)")
        // Gus wrote last, so his row is the first of Mine (the cursor stayed on Farah's).
        priya.press(.char("g"), .enter)
        #expect(priya.text.contains("Roof claim · Gus Whitfield"), "\(priya.text)")
        let back = Formatting.date(absence.until, .current)
        #expect(priya.text.contains("away, back \(back)") && priya.text.contains("  you cover"),
                "the sidebar says the cover is in force: \(priya.text)")
        priya.press(.char("r"))
        for (i, line) in ["Hi Gus,", "", "Your claim is with the assessor.", "", "Priya"].enumerated() {
            if i > 0 { priya.press(.enter) }
            priya.type(line)
        }
        priya.press(.ctrl("s"))
        #expect(priya.text.contains("Not sent — cover"), "\(priya.text)")
        priya.press(.ctrl("f"))
        #expect(priya.text.contains("Sam is away until"), "\(priya.text)")
        priya.press(.ctrl("s"))
        delivery.waitUntilIdle()
        priya.settle()
        let mail = try String(contentsOfFile: sent, encoding: .utf8)
        #expect(mail.contains("From: Priya Raman <priya@example.com>"), "\(mail)")
        #expect(mail.contains("Sam is away until"), "\(mail)")
        #expect(try fixture.owner(of: "Gus") == "sam")
        let gus = try #require(try fixture.store.customer(email: "gus@example.org"))
        #expect(try fixture.store.coverLog(customer: gus.id).map(\.coverer) == ["priya"])

        // Sam is back: A asks, Enter says yes; Priya's Mine no longer holds Dana.
        sam.press(.char("A"))
        #expect(sam.text.contains("Back now?"), "\(sam.text)")
        sam.press(.enter)
        #expect(try fixture.store.absences().isEmpty)
        priya.press(.escape)
        priya.settle()   // one poll of the store: no key pressed
        #expect(!priya.text.contains("covering for Sam"), "\(priya.text)")
    }
}
