extension ThankYouItem {
    /// One item per referrer from the store's unthanked referrals (each with one referred customer, oldest
    /// first): the referrer keeps the place and date of their oldest referral, lists everyone they
    /// referred in that order, and points at the first thank-you conversation there is.
    public static func grouped(_ referrals: [ThankYouItem]) -> [ThankYouItem] {
        var items: [ThankYouItem] = []
        for referral in referrals {
            if let i = items.firstIndex(where: { $0.referrerID == referral.referrerID }) {
                items[i].referred += referral.referred
                items[i].conversationID = items[i].conversationID ?? referral.conversationID
            } else {
                items.append(referral)
            }
        }
        return items
    }
}
