import Testing
@testable import RapportTerminal

/// What a cell sends to the terminal: every grapheme takes exactly the columns the grid gives it.
@Suite struct CellGlyphTests {
    /// wcwidth as glibc has it for these code points (the tests run without a UTF-8 locale).
    func width(_ scalar: UInt32) -> Int32 {
        switch scalar {
        case 0x200D, 0xFE0F, 0x0301: 0
        case 0x1F468, 0x1F469, 0x1F467, 0x1F466, 0x6771: 2
        default: 1
        }
    }

    @Test func aZWJFamilyIsDrawnAsItsFirstEmojiWithNoJoinerLeftOver() {
        let family: Character = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        #expect(CellGlyph.lead(family, width: width) == [0x1F468])
        #expect(CellGlyph.trail(family, width: width) == nil, "ncurses fills the right half of a wide emoji")
    }

    @Test func aZWJSequenceWhoseBaseIsNarrowGetsAPlaceholderAndASpace() {
        let rainbow: Character = "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"
        #expect(CellGlyph.lead(rainbow, width: width) == [0xFFFD])
        #expect(CellGlyph.trail(rainbow, width: width) == [32])
    }

    @Test func aFlagIsDrawnAsItsCountryCode() {
        let germany: Character = "\u{1F1E9}\u{1F1EA}"
        #expect(CellGlyph.lead(germany, width: width) == [68])
        #expect(CellGlyph.trail(germany, width: width) == [69])
    }

    @Test func combiningMarksStayWithTheirBaseAndNarrowEmojiLoseTheirSelector() {
        #expect(CellGlyph.lead("e\u{0301}", width: width) == [0x65, 0x301])
        #expect(CellGlyph.lead("\u{2764}\u{FE0F}", width: width) == [0x2764], "two columns for the grid, one for ncurses")
        #expect(CellGlyph.trail("\u{2764}\u{FE0F}", width: width) == [32])
        #expect(CellGlyph.lead("東", width: width) == [0x6771] && CellGlyph.trail("東", width: width) == nil)
    }
}
