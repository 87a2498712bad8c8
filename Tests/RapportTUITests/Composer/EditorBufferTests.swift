import Testing
@testable import RapportTUI

@Suite("editor buffer: editing")
struct EditorBufferEditingTests {
    @Test func typingInsertsAtTheCursor() {
        var b = EditorBuffer()
        b.insert("Hi Dana")
        b.moveLeft(); b.moveLeft(); b.moveLeft(); b.moveLeft(); b.moveLeft()
        b.insert(",")
        #expect(b.text == "Hi, Dana")
        #expect(b.cursor == 3)
    }

    @Test func pastedMultiLineTextWithWindowsLineEndingsAndTabs() {
        var b = EditorBuffer(text: "Hi Dana,\n\nSam", cursor: 10)
        b.insert("Line one\r\nLine two\r\tindented\rlast\n")
        #expect(b.text == "Hi Dana,\n\nLine one\nLine two\n    indented\nlast\nSam")
        #expect(b.cursor == 10 + "Line one\nLine two\n    indented\nlast\n".count)
    }

    @Test func escapeSequencesInAPasteAreDropped() {
        var b = EditorBuffer()
        b.insert("red\u{1B}[31mtext\u{07}\u{9B}2J")
        #expect(b.text == "red[31mtext2J")
    }

    @Test func unicodeIsEditedByGrapheme() {
        var b = EditorBuffer(text: "Zoë 👩‍👩‍👧 🇫🇷 한국")
        #expect(b.characters.count == 10)
        b.deleteBackward()
        #expect(b.text == "Zoë 👩‍👩‍👧 🇫🇷 한")
        b.moveTo(5)  // after the family emoji
        b.deleteBackward()
        #expect(b.text == "Zoë  🇫🇷 한")
        b.moveToStart(); b.moveRight(); b.moveRight(); b.deleteForward()
        #expect(b.text == "Zo  🇫🇷 한")
    }

    @Test func combiningMarkTypedAfterALetterJoinsIt() {
        var b = EditorBuffer(text: "Zoe")
        b.insert("\u{308}")
        #expect(b.text == "Zoë")
        #expect(b.characters.count == 3)
        #expect(b.cursor == 3)
    }

    @Test func backspaceAndDeleteAtTheEdgesDoNothing() {
        var b = EditorBuffer(text: "ab", cursor: 0)
        b.deleteBackward()
        #expect(b.text == "ab")
        b.moveToEnd(); b.deleteForward()
        #expect(b.text == "ab")
        b.deleteBackward()
        #expect(b.text == "a")
    }

    @Test func backspaceJoinsLines() {
        var b = EditorBuffer(text: "Hi\nDana", cursor: 3)
        b.deleteBackward()
        #expect(b.text == "HiDana")
        #expect(b.cursor == 2)
    }

    @Test func deleteWordBackward() {
        var b = EditorBuffer(text: "Thanks for the photos, Dana")
        b.deleteWordBackward()
        #expect(b.text == "Thanks for the photos, ")
        b.deleteWordBackward()
        #expect(b.text == "Thanks for the ")
    }

    @Test func replaceTextKeepsTheCursorInRange() {
        var b = EditorBuffer(text: "Dear Mr. Whitfield, a long text", cursor: 30)
        b.replaceText("Hi Tom,")
        #expect(b.cursor == 7)
        b.replaceText("Hi Tom,\n\nDone.", cursor: 9)
        #expect(b.cursor == 9)
    }

    @Test func cursorFromASavedDraftIsClamped() {
        #expect(EditorBuffer(text: "abc", cursor: 99).cursor == 3)
        #expect(EditorBuffer(text: "abc", cursor: -4).cursor == 0)
        #expect(EditorBuffer(text: "abc").cursor == 3)
    }
}

@Suite("editor buffer: movement")
struct EditorBufferMovementTests {
    @Test func wordMoves() {
        var b = EditorBuffer(text: "Hi Dana, it's done — thanks!", cursor: 0)
        b.moveWordRight()
        #expect(b.cursor == 2)
        b.moveWordRight()
        #expect(b.cursor == 7)
        b.moveWordRight()
        #expect(b.cursor == 13)  // "it's" is one word
        b.moveToEnd()
        b.moveWordLeft()
        #expect(b.cursor == 21)  // start of "thanks"
        b.moveWordLeft()
        #expect(b.cursor == 14)  // start of "done"
    }

    @Test func wordMovesCrossLines() {
        var b = EditorBuffer(text: "one\n\ntwo", cursor: 3)
        b.moveWordRight()
        #expect(b.cursor == 8)
        b.moveWordLeft()
        #expect(b.cursor == 5)
        b.moveWordLeft()
        #expect(b.cursor == 0)
    }

    @Test func logicalHomeAndEnd() {
        var b = EditorBuffer(text: "Hi Dana,\nYour card is on its way.\nSam", cursor: 14)
        b.moveToLineStart()
        #expect(b.cursor == 9)
        b.moveToLineEnd()
        #expect(b.cursor == 33)
    }

    @Test func upAndDownKeepTheColumnAcrossShortLines() {
        var b = EditorBuffer(text: "Hello there\nHi\nGood morning", cursor: 9)
        b.moveDown(width: 40)
        #expect(b.cursor == 14)  // end of "Hi"
        b.moveDown(width: 40)
        #expect(b.cursor == 15 + 9)  // back at column 9
        b.moveUp(width: 40); b.moveUp(width: 40)
        #expect(b.cursor == 9)
        b.moveUp(width: 40)
        #expect(b.cursor == 0)
        b.moveToEnd(); b.moveDown(width: 40)
        #expect(b.cursor == b.characters.count)
    }

    @Test func upAndDownFollowVisualLines() {
        // width 10: "The quick " / "brown fox " / "jumps"
        var b = EditorBuffer(text: "The quick brown fox jumps", cursor: 2)
        b.moveDown(width: 10)
        #expect(b.cursor == 12)
        #expect(b.cursorPosition(width: 10) == (1, 2))
        b.moveDown(width: 10)
        #expect(b.cursor == 22)
        b.moveToVisualLineEnd(width: 10)
        #expect(b.cursor == 25)
        b.moveUp(width: 10)
        b.moveToVisualLineStart(width: 10)
        #expect(b.cursor == 10)
        b.moveToVisualLineEnd(width: 10)
        #expect(b.cursor == 19)  // the space that hangs at the end of "brown fox "
    }

    @Test func doubleWidthColumnsLandOnGraphemeBoundaries() {
        // "日本語です" is 10 cells; "abcdefghij" below it.
        var b = EditorBuffer(text: "abcdefghij\n日本語です", cursor: 3)
        b.moveDown(width: 20)
        #expect(b.cursor == 11 + 1)  // column 3 is inside 本: stay before it (column 2)
        #expect(b.cursorPosition(width: 20) == (1, 2))
        b.moveUp(width: 20)
        #expect(b.cursor == 3)  // the goal column survives the round trip
        b.moveDown(width: 20)
        b.moveRight()
        #expect(b.cursorPosition(width: 20) == (1, 4))
    }
}

@Suite("editor buffer: soft wrap")
struct EditorBufferWrapTests {
    func rows(_ text: String, _ width: Int) -> [String] {
        EditorBuffer(text: text).layout(width: width).map(\.text)
    }

    @Test func wrapsAtWords() {
        #expect(rows("The quick brown fox jumps", 10) == ["The quick ", "brown fox ", "jumps"])
        #expect(rows("The quick brown fox jumps", 25) == ["The quick brown fox jumps"])
    }

    @Test func exactFitKeepsTheWordAndHangsTheSpace() {
        #expect(rows("aaaa bbbbb ccc", 10) == ["aaaa bbbbb", "ccc"])
        let lines = EditorBuffer(text: "aaaa bbbbb ccc").layout(width: 10)
        #expect(lines[0].end == 11)  // the space belongs to row 0 but is not drawn
    }

    @Test func longWordsAreCut() {
        #expect(rows("https://acme.example/a/very/long/path", 12) == ["https://acme", ".example/a/v", "ery/long/pat", "h"])
    }

    @Test func paragraphsAndBlankLines() {
        let lines = EditorBuffer(text: "Hi Dana,\n\nAll done.\n").layout(width: 20)
        #expect(lines.map(\.text) == ["Hi Dana,", "", "All done.", ""])
        #expect(lines.map(\.logicalLine) == [0, 1, 2, 3])
        #expect(lines.allSatisfy { $0.endsLogicalLine })
    }

    @Test func wideGraphemesNeverStraddleTheEdge() {
        #expect(rows("ab日本語", 5) == ["ab日", "本語"])
        #expect(rows("👍👍👍", 5) == ["👍👍", "👍"])
        for line in EditorBuffer(text: "混合 text 和 中文 with 表情 🎉🎉 end").layout(width: 7) {
            #expect(DisplayWidth.of(line.text) <= 7, "\(line.text)")
        }
    }

    @Test func widths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("日") == 2)
        #expect(DisplayWidth.of("👩‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("Zoë 日本") == 8)
    }

    @Test func cursorToPositionAndBack() {
        let b = EditorBuffer(text: "Hi Dana,\n\nThe quick brown fox jumps over", cursor: 0)
        let width = 12
        for offset in 0...b.characters.count {
            var moved = b
            moved.moveTo(offset)
            let (row, column) = moved.cursorPosition(width: width)
            #expect(b.offset(row: row, column: column, width: width) == offset, "offset \(offset) → (\(row), \(column))")
        }
    }

    @Test func cursorAtTheEndOfAWrappedRowIsShownOnTheNextRow() {
        var b = EditorBuffer(text: "The quick brown", cursor: 10)
        #expect(b.cursorPosition(width: 10) == (1, 0))
        b.moveTo(9)
        #expect(b.cursorPosition(width: 10) == (0, 9))
        b.moveToEnd()
        #expect(b.cursorPosition(width: 10) == (1, 5))
    }

    @Test func emptyBuffer() {
        let b = EditorBuffer()
        #expect(b.layout(width: 10) == [VisualLine(start: 0, end: 0, logicalLine: 0, endsLogicalLine: true, text: "")])
        #expect(b.cursorPosition(width: 10) == (0, 0))
    }
}

@Suite("editor buffer: marking policy lines")
struct EditorBufferMarkingTests {
    @Test func violationLinesMapToTheirVisualRows() {
        let b = EditorBuffer(text: "Dear Mr. Whitfield,\n\nThe quick brown fox jumps\nSam Ortiz")
        #expect(b.visualRows(ofLine: 1, width: 10) == 0..<2)   // "Dear Mr. " / "Whitfield,"
        #expect(b.visualRows(ofLine: 2, width: 10) == 2..<3)
        #expect(b.visualRows(ofLine: 3, width: 10) == 3..<6)
        #expect(b.visualRows(ofLine: 4, width: 10) == 6..<7)
        #expect(b.visualRows(ofLine: 9, width: 10) == 0..<0)
    }
}
