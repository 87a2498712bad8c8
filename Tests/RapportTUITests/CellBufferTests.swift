import Testing
@testable import RapportTUI

@Suite("Cell buffer")
struct CellBufferTests {
    /// The lines of a new `width`×`height` buffer after each text is written at its place, in order.
    func lines(width: Int, height: Int = 1, _ writes: (text: String, x: Int, y: Int)...) -> [String] {
        var b = CellBuffer(width: width, height: height)
        for write in writes { b.write(write.text, x: write.x, y: write.y) }
        return b.lines()
    }

    @Test("Writing sanitises, clips to the width with an ellipsis, and lines() reads it back")
    func writeAndRead() {
        #expect(lines(width: 12, height: 2, ("Esc\u{1B}[2J there", 0, 0), ("abc", 10, 1), ("ab", 10, 1))
                == ["Esc␛[2J the…", "          ab"])
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
        #expect(lines(width: 4, ("ab東c", 0, 0)) == ["ab…"])
        #expect(lines(width: 3, ("東", 2, 0)) == ["  …"])
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
        #expect(lines(width: 6, ("\u{301}a\u{200B}b", 0, 0)) == ["\u{25CC}\u{301}ab"])
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

    @Test("Graphemes of every length read back whole: inline up to 15 UTF-8 bytes, longer ones from the side table")
    func graphemeLengths() {
        // 1, 2, 3, 4 bytes; a flag (8); e with 6 marks (13); 7 marks (15); 8 marks (17); a ZWJ family (18).
        let marks = "\u{301}\u{302}\u{303}\u{304}\u{306}\u{307}\u{308}\u{30A}"
        func e(marks count: Int) -> Character { Character("e" + String(String.UnicodeScalarView(marks.unicodeScalars.prefix(count)))) }
        let graphemes: [Character] = ["a", "é", "東", "😀", "🇫🇷", e(marks: 6), e(marks: 7), e(marks: 8), "👨‍👩‍👧"]
        #expect(graphemes.map { $0.utf8.count } == [1, 2, 3, 4, 8, 13, 15, 17, 18])
        var b = CellBuffer(width: 30, height: 1)
        b.write(String(graphemes), x: 0, y: 0)
        #expect(b.lines() == [String(graphemes)])
        var x = 0
        for g in graphemes {
            #expect(b[x, 0].grapheme == g && b[x, 0].grapheme.utf8.elementsEqual(g.utf8))
            x += Int(b[x, 0].width)
        }
    }

    @Test("Long graphemes compare by their text, wherever each frame keeps them")
    func longGraphemesInTheDiff() {
        let family: Character = "👨‍👩‍👧", couple: Character = "👩‍❤️‍👨"
        var a = CellBuffer(width: 8, height: 1)
        a.write("\(family)\(couple)", x: 0, y: 0)
        var b = CellBuffer(width: 8, height: 1)
        b.write("\(couple)", x: 2, y: 0)        // the side table fills in the other order
        b.write("\(family)", x: 0, y: 0)
        #expect(b.diff(from: a).isEmpty && a == b)
        var c = CellBuffer(width: 8, height: 1)
        c.write("\(couple)\(family)", x: 0, y: 0)
        #expect(c.diff(from: a).map(\.x) == [0, 2])
        #expect(c.diff(from: a).map(\.cell.grapheme) == [couple, family])
        #expect(a != c)
    }

    @Test("ASCII written over a wide character still blanks its other half, and is clipped like any text")
    func asciiOverWide() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("東京都", x: 0, y: 0)
        b.write("ab", x: 1, y: 0)
        #expect(b.lines() == [" ab 都"])
        b.write("abcdefgh", x: 0, y: 0, width: 5)
        #expect(b.lines() == ["abcd…"])
    }

    @Test("Every style and width survives packing, and any difference in style is a change")
    func packedStyles() {
        let colors: [Color?] = [nil] + Color.allCases
        var styles: [Style] = []
        for fg in colors {
            for bg in colors {
                for flags in 0..<16 {
                    styles.append(Style(foreground: fg, background: bg, bold: flags & 1 != 0, dim: flags & 2 != 0,
                                        reverse: flags & 4 != 0, underline: flags & 8 != 0))
                }
            }
        }
        #expect(Set(styles).count == 9 * 9 * 16)
        for style in styles {
            for width: UInt8 in [0, 1, 2] {
                let bits = PackedCell.attributes(width: width, style: style)
                #expect(PackedCell.decode(bits) == style && PackedCell.blank(style, width: width).width == width)
            }
        }
        #expect(Set(styles.map { PackedCell.attributes(width: 1, style: $0) }).count == styles.count)
    }

    @Test("Accented Latin and typographic punctuation take a column each, and are clipped like any text")
    func simpleText() {
        var b = CellBuffer(width: 20, height: 2)
        #expect(b.write("Zoë’s café — 5 €", x: 0, y: 0) == 16)
        #expect(b.lines()[0] == "Zoë’s café — 5 €")
        #expect((0..<16).map { b[$0, 0].grapheme } == Array("Zoë’s café — 5 €"))
        #expect((0..<16).allSatisfy { b[$0, 0].width == 1 })
        b.write("Zoë’s café — 5 €", x: 0, y: 1, width: 8)
        #expect(b.lines()[1] == "Zoë’s c…")
    }
}

