import Testing
import RapportCore
@testable import RapportTUI

/// The editor lays text out with the width the renderer draws it with (`DisplayWidth`). When
/// they disagreed, U+1B000 (a wide kana supplement letter) was one column in the editor and two
/// on screen, and U+1F321 (a thermometer, text presentation) the reverse: the cursor stood a
/// column away from its character and wrapped rows overflowed.
@Suite("One display width for the editor and the renderer")
struct WidthAgreementTests {
    @Test("A character takes as many columns in the editor's layout as the renderer draws",
          arguments: [(Unicode.Scalar(0x1B000)!, 2), (Unicode.Scalar(0x1F321)!, 1)])
    func sameWidth(_ scalar: Unicode.Scalar, columns: Int) {
        let character = Character(scalar)
        #expect(DisplayWidth.of(character) == columns)
        let editor = EditorBuffer(text: "a\(character)b", cursor: 2)   // on the b
        #expect(editor.cursorPosition(width: 40).column == 1 + columns)
        var buffer = CellBuffer(width: 10, height: 1)
        #expect(buffer.write("a\(character)b", x: 0, y: 0) == 2 + columns)
        #expect(buffer[1 + columns, 0].grapheme == "b")
    }

    @Test("In the composer the cursor is drawn on the cell of the character it stands on",
          arguments: [Unicode.Scalar(0x1B000)!, Unicode.Scalar(0x1F321)!])
    func cursorOnItsCell(_ scalar: Unicode.Scalar) throws {
        var state = composing(width: 80, height: 24)
        type("x\(Character(scalar))y", into: &state)
        _ = press(.left, in: &state)                                  // the cursor on the y
        var frame = CellBuffer(width: 80, height: 24)
        render(state, into: &frame)
        let row = try #require((0..<24).first { y in (0..<78).contains { x in
            frame[x, y].grapheme == "x" && frame[x + 1, y].grapheme == Character(scalar) } })
        let reversed = (0..<80).filter { frame[$0, row].style.reverse }
        let y = try #require((0..<80).first { frame[$0, row].grapheme == "y" })
        #expect(reversed == [y])
    }
}
