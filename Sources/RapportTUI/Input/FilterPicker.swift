/// A list to choose from, filtered by a line typed above it: the agent, referral and template pickers.
protocol FilterPicker {
    var input: LineInput { get set }
    /// Index into the matches.
    var selected: Int { get set }
}

extension FilterPicker {
    /// Moves the selection for up and down among `count` matches, else gives the key to the filter line
    /// (new text selects the best match, the first). False when the key means nothing to the picker.
    mutating func moveOrType(_ key: Key, _ action: Action?, count: Int) -> Bool {
        switch action {
        case .moveUp:
            selected = max(0, selected - 1)
        case .moveDown:
            selected = min(max(0, count - 1), selected + 1)
        default:
            switch input.handle(key, action: action) {
            case .edited: selected = 0
            case .moved: break
            case .ignored: return false
            }
        }
        return true
    }
}

/// What a key did in an overlay picker (the agent or referral picker).
enum OverlayPickerKey<Choice> {
    /// Confirmed: the picker is closed, the caller acts on the choice.
    case chosen(Choice)
    /// Handled in full (cancelled, redrawn, nothing to confirm, a key the picker ignores).
    case done([Effect])
    /// The selection moved or the filter changed: the caller keeps the picker open.
    case moved
}

extension AppState {
    /// The keys the overlay pickers share: confirm takes the selected choice and closes the picker
    /// (or says `noChoice` when nothing is selected), cancel closes it, redraw redraws, any other key
    /// moves the selection or types in the filter.
    mutating func overlayPickerKey<Picker: FilterPicker, Choice>(_ key: Key, _ picker: inout Picker, choices: [Choice],
                                                                 noChoice: String) -> OverlayPickerKey<Choice> {
        let action = keyMap.action(for: key, in: .picker)
        switch action {
        case .confirm:
            guard choices.indices.contains(picker.selected) else {
                message = StatusMessage(noChoice, isError: true)
                return .done([])
            }
            overlay = nil
            return .chosen(choices[picker.selected])
        case .cancel:
            overlay = nil
            return .done([])
        case .redraw:
            return .done([.redraw])
        default:
            return picker.moveOrType(key, action, count: choices.count) ? .moved : .done([])
        }
    }
}
