import Foundation
import RapportApp
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI
import Testing

/// Finding a customer and their page, driven through the whole inbox loop on a real store.
@Suite("The customer at hand, in memory")
struct CustomerPageLoopTests {
    @Test("/ finds customers by name and address, says how many matched; n and N move between results, from a thread too")
    func searchByCustomer() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox(composer: try fixture.capturingDelivery().services)
        inbox.press(.char("/"))
        inbox.type("whitfield")
        inbox.press(.enter)
        #expect(inbox.lines[0].contains("Search: whitfield  3 matches"), "\(inbox.text)")
        #expect(inbox.text.contains("Farah Whitfield"), "the last name finds every Whitfield: \(inbox.text)")
        inbox.press(.char("n"))
        inbox.press(.enter)
        #expect(inbox.lines[0].contains("Windscreen chip · Eli Whitfield"), "\(inbox.text)")
        inbox.press(.char("n"))
        #expect(inbox.lines[0].contains("Direct debit date · Farah Whitfield"), "n opens the next result: \(inbox.text)")
        inbox.press(.char("n"))
        #expect(inbox.text.contains("No more results below"), "\(inbox.text)")
        inbox.press(.char("N"))
        #expect(inbox.lines[0].contains("Windscreen chip · Eli Whitfield"), "\(inbox.text)")
        inbox.press(.ctrl("n"))
        #expect(inbox.text.contains("Internal note"), "Ctrl-N is the note key while results show: \(inbox.text)")
        inbox.press(.escape)
        inbox.press(.escape)
        inbox.press(.escape)
        inbox.press(.char("/"))
        inbox.type("eli@example.org")
        inbox.press(.enter)
        #expect(inbox.lines[0].contains("1 match"), "\(inbox.text)")
        #expect(inbox.lines[2].contains("Eli Whitfield"), "\(inbox.text)")
    }

    @Test("c opens the customer's page; Enter opens a conversation; e names them, and the page follows another inbox's change")
    func customerPage() throws {
        let fixture = try InboxFixture()
        let dana = try #require(try fixture.store.customer(email: "dana@example.org"))
        var inbox = fixture.inbox()
        inbox.press(.char("c"))
        #expect(inbox.text.contains("Conversations (1)"), "\(inbox.text)")
        #expect(inbox.text.contains("they wrote last  Renewal quote"), "\(inbox.text)")
        #expect(inbox.text.contains("Assignment log"), "\(inbox.text)")
        #expect(inbox.text.contains("· Customer ·"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.lines[0].contains("Renewal quote · Dana Whitfield"), "\(inbox.text)")
        inbox.press(.char("c"))
        inbox.press(.char("e"))
        #expect(inbox.text.contains("First name: Dana"), "\(inbox.text)")
        inbox.press(.ctrl("u"))
        inbox.type("Danielle")
        inbox.press(.enter)
        inbox.press(.ctrl("u"))
        inbox.type("Whitfield-Ng")
        inbox.press(.enter)
        #expect(inbox.text.contains("Named Danielle Whitfield-Ng"), "\(inbox.text)")
        #expect(inbox.lines[0].contains("Danielle Whitfield-Ng"), "the page shows the new name: \(inbox.text)")
        #expect(try fixture.store.customer(id: dana.id)?.fullName == "Danielle Whitfield-Ng")

        let other = try SQLiteStore(path: fixture.path)
        try other.addAddress("dana@work.example", to: dana.id)
        inbox.settle()   // one poll of the store: no key pressed
        #expect(inbox.text.contains("dana@work.example"), "another inbox's change reaches the page: \(inbox.text)")
        inbox.press(.char("q"))
        #expect(inbox.lines[0].contains("Renewal quote"), "q returns to the conversation: \(inbox.text)")
    }

    @Test("The sidebar hints at a likely duplicate; M on the page merges it, with a handoff note when it has another owner")
    func duplicateHint() throws {
        let fixture = try InboxFixture()
        let twin = try fixture.store.addCustomer(NewCustomer(firstName: "Dana", lastName: "Whitfield", email: "dana@work.example",
                                                             owner: "priya"), by: "priya")
        var inbox = fixture.inbox()
        inbox.press(.enter)
        #expect(inbox.text.contains("Likely the same person"), "\(inbox.text)")
        #expect(inbox.text.contains("dana@work.example"), "\(inbox.text)")
        inbox.press(.char("c"), .char("M"))
        #expect(inbox.text.contains("Handoff note (Dana Whitfield is priya's):"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("handoff note"), "refused without one: \(inbox.text)")
        #expect(try fixture.store.customer(id: twin.id) != nil)
        inbox.press(.char("M"))
        inbox.type("Her shop's address")
        inbox.press(.enter)
        #expect(inbox.text.contains("Dana Whitfield is now part of Dana Whitfield"), "\(inbox.text)")
        #expect(try fixture.store.customer(id: twin.id) == nil)
        #expect(!inbox.text.contains("Likely the same person"), "\(inbox.text)")
        #expect(inbox.text.contains("“merged Dana Whitfield (dana@work.example) into this customer: Her shop's address”"),
                "the log on the page says so: \(inbox.text)")
        inbox.press(.char("q"))
        #expect(inbox.text.contains("dana@work.example") && !inbox.text.contains("Likely the same person"),
                "the thread's sidebar has the merged address: \(inbox.text)")
    }

    @Test("A customer's page closes, saying why, when another inbox merges them into someone else")
    func mergedAway() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        inbox.press(.char("c"))
        #expect(inbox.text.contains("Conversations (1)"), "\(inbox.text)")
        let other = try SQLiteStore(path: fixture.path)
        let dana = try #require(try other.customer(email: "dana@example.org"))
        let eli = try #require(try other.customer(email: "eli@example.org"))
        try RapportApp.Customers(store: other).merge(dana.id, into: eli.id, by: "sam", note: "the same person")
        inbox.settle()
        #expect(inbox.text.contains("no longer there"), "\(inbox.text)")
        inbox.press(.char("3"), .char("g"))   // Eli is nobody's: the conversation left Mine with the merge
        inbox.press(.char("c"))
        #expect(inbox.text.contains("Eli Whitfield") && inbox.text.contains("Conversations (2)"), "\(inbox.text)")
    }

    @Test("+ and - on the customer's page add an address and take one off; the last one stays")
    func addressesFromThePage() throws {
        let fixture = try InboxFixture()
        var inbox = fixture.inbox()
        inbox.press(.char("c"))
        inbox.press(.char("-"))
        #expect(inbox.text.contains("dana@example.org is their only address: add another first (+)"), "\(inbox.text)")
        inbox.press(.char("+"))
        #expect(inbox.text.contains("Another address of this customer:"), "\(inbox.text)")
        inbox.type("dana@bakery.example")
        inbox.press(.enter)
        #expect(inbox.text.contains("Added dana@bakery.example to Dana Whitfield"), "\(inbox.text)")
        #expect(try fixture.store.customer(email: "dana@example.org")?.addresses == ["dana@example.org", "dana@bakery.example"])
        #expect(inbox.text.contains("dana@bakery.example"), "the page shows it: \(inbox.text)")
        // Another customer's address is refused, with the reason, and nothing changes.
        inbox.press(.char("+"))
        inbox.type("eli@example.org")
        inbox.press(.enter)
        #expect(try fixture.store.customer(email: "eli@example.org")?.firstName == "Eli")
        #expect(try fixture.store.customer(email: "dana@example.org")?.addresses.count == 2)
        // `-` offers the last address; Enter takes it off.
        inbox.press(.char("-"))
        #expect(inbox.text.contains("Address to remove: dana@bakery.example"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("Removed dana@bakery.example from Dana Whitfield"), "\(inbox.text)")
        #expect(try fixture.store.customer(email: "dana@example.org")?.addresses == ["dana@example.org"])
    }
}
