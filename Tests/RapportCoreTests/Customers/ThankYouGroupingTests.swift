import Foundation
import RapportCore
import Testing

/// The Thank-you view lists each referrer once, however many customers they sent us.
@Suite struct ThankYouGroupingTests {
    func referral(_ referrer: CustomerID, _ referred: String, day: Double, conversation: ConversationID?) -> ThankYouItem {
        ThankYouItem(referrerID: referrer, referrerName: "R\(referrer)", referred: [referred],
                     oldest: Date(timeIntervalSince1970: day * 86_400), conversationID: conversation)
    }

    @Test func aReferrerKeepsTheirOldestPlaceAndListsEveryoneTheyReferred() {
        let items = ThankYouItem.grouped([referral(1, "Marcus", day: 1, conversation: nil),
                                          referral(2, "Lee", day: 2, conversation: 20),
                                          referral(1, "Ana", day: 3, conversation: 10),
                                          referral(1, "Bo", day: 4, conversation: 11)])
        #expect(items == [
            ThankYouItem(referrerID: 1, referrerName: "R1", referred: ["Marcus", "Ana", "Bo"],
                         oldest: Date(timeIntervalSince1970: 86_400), conversationID: 10),
            ThankYouItem(referrerID: 2, referrerName: "R2", referred: ["Lee"],
                         oldest: Date(timeIntervalSince1970: 2 * 86_400), conversationID: 20),
        ], "the first thank-you conversation there is, even if it came with a later referral")
    }

    @Test func nothingToThankIsAnEmptyQueue() {
        #expect(ThankYouItem.grouped([]).isEmpty)
    }
}
