import RapportTUI

/// What follows an Esc that ncurses did not recognise: Alt plus a key, Ctrl-←/→ written as
/// CSI sequences, or a bracketed paste. Pure: it pulls already-decoded keys from closures, so
/// it is tested without a terminal.
enum EscapeSequence {
    /// Pastes longer than this are cut (a runaway paste must not eat all memory).
    static let maxPaste = 1_000_000

    /// Alt-keys the inbox uses. Esc followed quickly by any other key is two keys (Esc, then it):
    /// tmux and fast typists send them that close together, and Esc must still mean Esc.
    static let altKeys: Set<Character> = ["b", "f", "<", ">", "\u{7F}"]

    /// The key that Esc and what follows it make, and keys read ahead that are not part of it.
    /// `next` returns input that is already waiting (nil: nothing more, so it was a lone Esc);
    /// `nextInPaste` may wait a little, because a large paste arrives in chunks. A nil key
    /// means an unknown sequence, swallowed whole.
    static func complete(next: () -> Key?, nextInPaste: () -> Key?) -> (key: Key?, unread: [Key]) {
        guard let first = next() else { return (.escape, []) }
        switch first {
        case .char("["):
            var body = ""
            while body.count < 16, let key = next() {
                guard case .char(let c) = key else { return (nil, [key]) }
                body.append(c)
                if let ascii = c.asciiValue, (0x40...0x7E).contains(ascii) { break }
            }
            switch body {
            case "200~": return (.paste(paste(nextInPaste)), [])
            case "1;5D", "1;3D", "5D": return (.ctrlLeft, [])
            case "1;5C", "1;3C", "5C": return (.ctrlRight, [])
            default: return (nil, [])
            }
        case .char(let c) where altKeys.contains(c): return (.alt(c), [])
        case .backspace: return (.alt("\u{7F}"), [])
        case .left: return (.ctrlLeft, [])
        case .right: return (.ctrlRight, [])
        default: return (.escape, [first])
        }
    }

    /// The pasted text up to the closing `Esc [201~` (or until input stops). Enter and Tab become
    /// text; other control keys are dropped.
    static func paste(_ next: () -> Key?) -> String {
        var text = ""
        var count = 0
        reading: while count < maxPaste, let key = next() {
            switch key {
            case .char(let c): text.append(c)
            case .enter: text.append("\n")
            case .tab: text.append("\t")
            case .escape:
                var tail = ""
                while tail.count < 5, let k = next() {
                    guard case .char(let c) = k else { break }
                    tail.append(c)
                    if !"[201~".hasPrefix(tail) { break }
                }
                if tail == "[201~" { break reading }
                text += tail     // not the end marker: the Esc is dropped, the rest is text
            default: break
            }
            count += 1
        }
        return text
    }
}
