/// A key press, decoded by the terminal layer from whatever the terminal sent.
public enum Key: Sendable, Hashable {
    /// A printable character (Space is `.char(" ")`).
    case char(Character)
    /// Control plus a letter, lowercase: Ctrl-L is `.ctrl("l")`.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Alt (Meta) plus a character, sent by terminals as Esc then the character.
    case alt(Character)
    /// Ctrl-← and Ctrl-→ (also Alt-← and Alt-→): word-wise moves in the composer.
    case ctrlLeft, ctrlRight
    /// Text the terminal marked as pasted (bracketed paste): inserted as text, never run as keys.
    case paste(String)

    /// How the key is written in the help overlay.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let n): "F\(n)"
        case .alt(let c): "Alt-" + String(c)
        case .ctrlLeft: "Ctrl-←"
        case .ctrlRight: "Ctrl-→"
        case .paste: "paste"
        }
    }
}
