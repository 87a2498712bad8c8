import Foundation
import RapportCore
import Testing

@Suite("Cover while away: who covers, and what a cover reply tells the customer")
struct CoverRuleTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// Monday 7 December 2026, 00:00 UTC: the day Sam is back.
    static let monday = try! CoverRule.backDay("2026-12-07", timeZone: utc)
    static let now = monday.addingTimeInterval(-3 * 86_400)
    static let samAway = Absence(login: "sam", until: monday, cover: "priya", setBy: "sam", since: now)
    static let priya = Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@acme.example")
    static let note = CoverNote(ownerName: "Sam", back: monday, timeZone: utc)

    @Test("an absence is in force until the day they are back starts")
    func inForce() {
        #expect(CoverRule.covering(owner: "sam", agent: "priya", in: [Self.samAway], now: Self.now) == Self.samAway)
        #expect(CoverRule.covering(owner: "sam", agent: "jo", in: [Self.samAway], now: Self.now) == nil)
        #expect(CoverRule.covering(owner: "sam", agent: "priya", in: [Self.samAway], now: Self.monday) == nil)
        #expect(CoverRule.covered(by: "priya", in: [Self.samAway], now: Self.now).map(\.login) == ["sam"])
        #expect(CoverRule.covered(by: "priya", in: [Self.samAway], now: Self.monday.addingTimeInterval(1)).isEmpty)
    }

    @Test("an absence that could not work is refused")
    func refusals() {
        #expect(throws: RapportError.self) {
            try CoverRule.check(login: "sam", until: Self.monday, cover: "sam", absences: [], now: Self.now)
        }
        #expect(throws: RapportError.self) {
            try CoverRule.check(login: "sam", until: Self.now, cover: "priya", absences: [], now: Self.now)
        }
        let priyaAway = Absence(login: "priya", until: Self.monday, cover: "jo", setBy: "priya", since: Self.now)
        #expect(throws: RapportError.self) {
            try CoverRule.check(login: "sam", until: Self.monday, cover: "priya", absences: [priyaAway], now: Self.now)
        }
        // Jo covers for Priya: Jo going away too would leave Priya's customers with nobody.
        #expect(throws: RapportError.self) {
            try CoverRule.check(login: "jo", until: Self.monday, cover: "sam", absences: [priyaAway], now: Self.now)
        }
        #expect(throws: Never.self) {
            try CoverRule.check(login: "sam", until: Self.monday, cover: "priya", absences: [], now: Self.now)
        }
    }

    @Test("the day typed is a real date", arguments: ["2026-02-30", "7 Dec", "2026-13-01", "", "26-12-07"])
    func badDays(_ text: String) {
        #expect(throws: RapportError.self) { try CoverRule.backDay(text, timeZone: Self.utc) }
    }

    @Test("the sentence names the owner and the day they are back")
    func sentence() {
        #expect(Self.note.sentence == "Sam is away until Monday 7 December, so I'm looking after this for you.")
        #expect(Self.note.isTold(in: "Sam is back on Monday."))
        #expect(Self.note.isTold(in: "sam returns 7 December"))
        #expect(Self.note.isTold(in: "Sam is out until 2026-12-07"))
        #expect(!Self.note.isTold(in: "Sam is away at the moment."))
        #expect(!Self.note.isTold(in: "Samantha is back on Monday."))
    }

    @Test("a cover reply to an existing customer must say whose they are and when that person is back")
    func policy() {
        let plain = "Hi Dana,\n\nYour renewal is done.\n\nPriya"
        let told = "Hi Dana,\n\n\(Self.note.sentence) Your renewal is done.\n\nPriya"
        let v = ReplyPolicy.check(plain, customer: Fixtures.dana, agent: Self.priya, isExisting: true, cover: Self.note)
        #expect(v.map(\.rule) == [.cover])
        #expect(v.first?.line == 3 && v.first?.blocks == true)
        #expect(ReplyPolicy.check(told, customer: Fixtures.dana, agent: Self.priya, isExisting: true, cover: Self.note).isEmpty)
        // Not covering: no such rule; a new customer never met the owner.
        #expect(ReplyPolicy.check(plain, customer: Fixtures.dana, agent: Self.priya, isExisting: true).isEmpty)
        #expect(!ReplyPolicy.check(plain, customer: Fixtures.newPat, agent: Self.priya, isExisting: false, cover: Self.note)
            .contains { $0.rule == .cover })
        // Signed by the owner instead of the coverer: the sign-off rule wants the coverer's name.
        let signedSam = "Hi Dana,\n\n\(Self.note.sentence)\n\nSam"
        #expect(ReplyPolicy.check(signedSam, customer: Fixtures.dana, agent: Self.priya, isExisting: true, cover: Self.note)
            .map(\.rule) == [.signoff])
    }

    @Test("Ctrl-F puts the sentence under the greeting, and signs with the coverer's name")
    func autoFix() {
        let fixed = ReplyAutoFix.apply("Hi Dana,\n\nYour renewal is done.\n\nPriya Raman", customer: Fixtures.dana,
                                       agent: Self.priya, isExisting: true, cover: Self.note)
        #expect(fixed == "Hi Dana,\n\n\(Self.note.sentence)\n\nYour renewal is done.\n\nPriya")
        #expect(ReplyPolicy.check(fixed, customer: Fixtures.dana, agent: Self.priya, isExisting: true, cover: Self.note).isEmpty)
        let bare = ReplyAutoFix.apply("Your renewal is done.", customer: Fixtures.dana, agent: Self.priya,
                                      isExisting: true, cover: Self.note)
        #expect(bare == "Hi Dana,\n\n\(Self.note.sentence)\n\nYour renewal is done.\n\nPriya")
        // Told already: nothing added.
        let told = "Hi Dana,\n\nSam is back on Monday; I'm helping meanwhile.\n\nPriya"
        #expect(ReplyAutoFix.apply(told, customer: Fixtures.dana, agent: Self.priya, isExisting: true, cover: Self.note) == told)
    }

    @Test("the coverer may reply; anyone else is still pointed at taking over")
    func permission() {
        let sam = Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@acme.example")
        #expect(ReplyPermission.refusal(customer: Fixtures.dana, owner: sam, agent: Self.priya, cover: Self.samAway) == nil)
        #expect(ReplyPermission.refusal(customer: Fixtures.dana, owner: sam, agent: Self.priya) != nil)
        let jo = Agent(login: "jo", firstName: "Jo", lastName: "Park", email: "jo@acme.example")
        #expect(ReplyPermission.refusal(customer: Fixtures.dana, owner: sam, agent: jo, cover: Self.samAway) != nil)
    }
}
