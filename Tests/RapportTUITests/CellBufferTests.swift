import Testing
@testable import RapportTUI

@Suite("Cell buffer")
struct CellBufferTests {
    @Test("Writing sanitises, clips to the width with an ellipsis, and lines() reads it back")
    func writeAndRead() {
        var b = CellBuffer(width: 12, height: 2)
        b.write("Esc\u{1B}[2J there", x: 0, y: 0)
        b.write("abc", x: 10, y: 1)
        b.write("ab", x: 10, y: 1)
        #expect(b.lines() == ["Esc␛[2J the…", "          ab"])
    }

    @Test("A wide character takes two cells; the second is a continuation")
    func wideCells() {
        var b = CellBuffer(width: 6, height: 1)
        #expect(b.write("a東b", x: 0, y: 0) == 4)
        #expect(b[1, 0].grapheme == "東" && b[1, 0].width == 2)
        #expect(b[2, 0].isContinuation)
        #expect(b.lines() == ["a東b"])
    }

    @Test("A wide character that does not fit at the edge is not half drawn")
    func wideAtEdge() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("ab東c", x: 0, y: 0)
        #expect(b.lines() == ["ab…"])
        var c = CellBuffer(width: 3, height: 1)
        c.write("東", x: 2, y: 0)
        #expect(c.lines() == ["  …"])
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalves() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("東京", x: 0, y: 0)
        b.write("x", x: 1, y: 0)        // over the right half of 東
        #expect(b.lines() == [" x京"])
        b.write("y", x: 2, y: 0)        // over the left half of 京
        #expect(b.lines() == [" xy"])
        #expect(!b[3, 0].isContinuation)
    }

    @Test("A lone combining mark gets a dotted circle; invisible format characters draw nothing")
    func zeroWidthGraphemes() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("\u{301}a\u{200B}b", x: 0, y: 0)
        #expect(b.lines() == ["\u{25CC}\u{301}ab"])
    }

    @Test("The diff holds exactly the changed cells")
    func diff() {
        var a = CellBuffer(width: 5, height: 2)
        a.write("hello", x: 0, y: 0)
        var b = a
        b.write("J", x: 0, y: 0)
        b.write("!", x: 4, y: 1, style: .error)
        let changes = b.diff(from: a)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [4, 1]])
        #expect(changes[1].cell.style == .error)
        #expect(b.diff(from: b).isEmpty)
    }

    @Test("Without a previous frame, or after a resize, every cell is in the diff")
    func diffAfterResize() {
        let a = CellBuffer(width: 5, height: 2)
        #expect(a.diff(from: nil).count == 10)
        #expect(a.diff(from: CellBuffer(width: 4, height: 2)).count == 10)
    }

    @Test("A style change alone is a change")
    func styleChange() {
        var a = CellBuffer(width: 3, height: 1)
        a.write("abc", x: 0, y: 0)
        var b = a
        b.restyle(x: 1, y: 0, width: 1) { $0.reverse = true }
        #expect(b.diff(from: a).map(\.x) == [1])
    }
}
