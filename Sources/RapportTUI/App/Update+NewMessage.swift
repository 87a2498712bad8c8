import RapportCore

/// `m`: a new conversation with a customer — pick them (the referral picker, offering customers only),
/// type a subject, then the composer on the new, empty conversation. Only the customer's owner may, as
/// for a reply; the store's `Replies.open` has the last word.
extension AppState {
    mutating func openNewMessage() -> [Effect] {
        overlay = .referral(.newMessage())
        return agents.isEmpty ? [.loadAgents] : []
    }

    /// The subject prompt for a customer of mine; for anyone else the reason, with the picker still open.
    mutating func chooseRecipient(_ customer: Customer, from picker: ReferralPicker) -> [Effect] {
        guard customer.owner == agent.login else {
            overlay = .referral(picker)
            let text = customer.owner.map { "\(customer.fullName) is looked after by \(firstName(of: $0) ?? $0): only they write to them" }
                ?? "\(customer.fullName) has no owner yet: take them first (t on one of their conversations), then m"
            message = StatusMessage(text, isError: true)
            return []
        }
        overlay = .prompt(Prompt(.newSubject(customer)))
        return []
    }
}
