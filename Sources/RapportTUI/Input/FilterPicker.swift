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
