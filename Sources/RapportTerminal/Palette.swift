import CNCurses
import RapportTUI

/// Maps a `Style` to ncurses attributes and a colour pair, allocating pairs as they are first
/// needed. Without colour (`NO_COLOR`, or a terminal without colours) only attributes are used,
/// which every style is designed to survive.
struct Palette {
    let colors: Bool
    private var pairs: [Int: Int16] = [:]
    private var nextPair: Int16 = 1

    init(colors: Bool) {
        self.colors = colors
    }

    mutating func attributes(for style: Style) -> (attrs: attr_t, pair: Int16) {
        var attrs = rapport_attr_normal()
        if style.bold { attrs |= rapport_attr_bold() }
        if style.dim { attrs |= rapport_attr_dim() }
        if style.reverse { attrs |= rapport_attr_reverse() }
        if style.underline { attrs |= rapport_attr_underline() }
        guard colors, style.foreground != nil || style.background != nil else { return (attrs, 0) }
        return (attrs, pair(style.foreground, style.background))
    }

    private mutating func pair(_ fg: Color?, _ bg: Color?) -> Int16 {
        let key = Int(fg.map { $0.rawValue + 1 } ?? 0) * 16 + Int(bg.map { $0.rawValue + 1 } ?? 0)
        if let existing = pairs[key] { return existing }
        guard Int(nextPair) < rapport_color_pairs() else { return 0 }
        let number = nextPair
        // -1 is the terminal's default colour (use_default_colors).
        init_pair(number, fg.map { Int16($0.rawValue) } ?? -1, bg.map { Int16($0.rawValue) } ?? -1)
        pairs[key] = number
        nextPair += 1
        return number
    }
}
