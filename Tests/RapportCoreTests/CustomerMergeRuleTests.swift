import Foundation
import RapportCore
import Testing

/// Which record's name, owner and referral answer a merge keeps, and who is likely the same person.
@Suite struct CustomerMergeRuleTests {
    func customer(_ id: CustomerID, _ first: String, _ last: String, owner: String?, guessed: Bool = false,
                  source: String? = nil) -> Customer {
        Customer(id: id, firstName: first, lastName: last, owner: owner, addresses: ["\(first.lowercased())\(id)@x.example"],
                 created: Date(timeIntervalSince1970: 0), isExisting: false, referralSource: source, nameIsGuess: guessed)
    }

    @Test func aGuessedNameGivesWayToAGivenOne() throws {
        let plan = try CustomerMerge.plan(from: customer(1, "Jo", "Smith", owner: nil, source: "radio"),
                                          into: customer(2, "J", "Smith", owner: "sam", guessed: true), by: "sam", note: nil, at: .now)
        #expect(plan.firstName == "Jo" && !plan.nameIsGuess && plan.takeReferralOfFrom)
        let kept = try CustomerMerge.plan(from: customer(1, "J", "Smith", owner: nil, guessed: true),
                                          into: customer(2, "Jo", "Smith", owner: nil), by: "sam", note: nil, at: .now)
        #expect(kept.firstName == "Jo" && !kept.takeReferralOfFrom)
    }

    @Test func likelyDuplicatesShareAFullNameNotAGuess() {
        let dana = customer(1, "Dana", "Whitfield", owner: nil)
        let others = [customer(2, "dana", "WHITFIELD", owner: nil), customer(3, "Dana", "Whitfield-Ng", owner: nil),
                      customer(4, "Dana", "Whitfield", owner: nil, guessed: true), dana]
        #expect(CustomerMerge.likelyDuplicates(of: dana, among: others).map(\.id) == [2])
        #expect(CustomerMerge.likelyDuplicates(of: customer(5, "Dana", "", owner: nil), among: others).isEmpty,
                "a first name alone is too common")
    }
}
