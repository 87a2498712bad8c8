import RapportCore

/// `R`: record how a customer heard about us.
extension AppState {
    mutating func openReferralPicker() -> [Effect] {
        let target: AssignTarget? = thread?.target ?? list.selectedRow.map(AssignTarget.init)
        guard let target else {
            message = StatusMessage("Open a conversation to record how they heard about us")
            return []
        }
        overlay = .referral(ReferralPicker(customerID: target.customerID, customerName: target.customerName))
        return []
    }

    mutating func referralKey(_ key: Key, _ picker: ReferralPicker) -> [Effect] {
        var picker = picker
        let typedBefore = picker.text, choices = picker.choices
        let noChoice = picker.purpose == .newMessage ? "Type part of a customer's name or address"
                                                     : "Type a customer's name or address, or a source such as “search”"
        switch overlayPickerKey(key, &picker, choices: choices, noChoice: noChoice) {
        case .chosen(.customer(let chosen)) where picker.purpose == .newMessage:
            return chooseRecipient(chosen, from: picker)
        case .chosen(.customer(let referrer)):
            return [.recordReferral(customer: picker.customerID, referrer: referrer.id, source: nil)]
        case .chosen(.source(let source)):
            return [.recordReferral(customer: picker.customerID, referrer: nil, source: source)]
        case .done(let effects): return effects
        case .moved: break
        }
        // Only a change of the text asks the store again: moving through the matches must not wait for it.
        let text = picker.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { picker.matches = [] }
        overlay = .referral(picker)
        return text.isEmpty || picker.text == typedBefore ? [] : [.findCustomers(text)]
    }

    /// Matches arrive for what was typed; ones for text typed over since are dropped.
    mutating func customersFound(_ text: String, _ found: [Customer]) {
        guard case .referral(var picker) = overlay, picker.text.trimmingCharacters(in: .whitespaces) == text else { return }
        picker.matches = found
        picker.selected = min(picker.selected, max(0, picker.choices.count - 1))
        overlay = .referral(picker)
    }
}
