import Testing
@testable import RapportTerminal
import RapportTUI

/// What follows an Esc, fed as the keys ncurses would hand over one by one.
@Suite struct EscapeSequenceTests {
    func complete(_ keys: [Key]) -> Key? {
        var rest = keys[...]
        let next = { () -> Key? in rest.popFirst() }
        return EscapeSequence.complete(next: next, nextInPaste: next).key
    }

    func chars(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test func loneEscapeAltKeysAndWordMoves() {
        #expect(complete([]) == .escape)
        #expect(complete(chars("b")) == .alt("b"))
        #expect(complete([.backspace]) == .alt("\u{7F}"))
        #expect(complete(chars("[1;5D")) == .ctrlLeft)
        #expect(complete(chars("[1;3C")) == .ctrlRight)
        #expect(complete(chars("[99;9Z")) == nil)          // unknown: swallowed, never typed as text
    }

    @Test func escapeThenAnotherKeyIsTwoKeys() {
        var rest = chars("/q")[...]
        let next = { () -> Key? in rest.popFirst() }
        let result = EscapeSequence.complete(next: next, nextInPaste: next)
        #expect(result.key == .escape && result.unread == [.char("/")])
        #expect(rest.first == .char("q"))                  // not read at all
    }

    @Test func bracketedPasteIsOneKeyOfText() {
        let pasted = chars("[200~") + chars("Hi Dana,") + [.enter, .enter] + chars("Sam ") + [.escape] + chars("[201~")
        #expect(complete(pasted) == .paste("Hi Dana,\n\nSam "))
        // Escape sequences inside the paste lose their Esc; a paste cut short keeps what came.
        let cut = chars("[200~") + chars("a") + [.escape] + chars("[31mb")
        #expect(complete(cut) == .paste("a[31mb"))
    }
}
