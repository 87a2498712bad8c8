import Testing
@testable import RapportTUI

@Suite("Truncation and wrapping")
struct TextLayoutTests {
    @Test("Truncation ends with an ellipsis and keeps within the width")
    func truncates() {
        #expect(TextLayout.truncated("Hello world", to: 8) == "Hello w…")
        #expect(TextLayout.truncated("Hello", to: 5) == "Hello")
        #expect(TextLayout.truncated("Hello", to: 1) == "…")
        #expect(TextLayout.truncated("Hello", to: 0) == "")
    }

    @Test("Truncation never splits a wide character or a grapheme")
    func graphemeSafe() {
        // 東京都 is six columns; four leave room for 東 and the ellipsis, not half of 京.
        #expect(TextLayout.truncated("東京都", to: 4) == "東…")
        #expect(DisplayWidth.of(TextLayout.truncated("東京都", to: 4)) == 3)
        #expect(TextLayout.truncated("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        #expect(TextLayout.truncated("👨‍👩‍👧👨‍👩‍👧", to: 3) == "👨‍👩‍👧…")
    }

    @Test("Wrapping breaks at spaces, hard-breaks long words and never exceeds the width")
    func wraps() {
        #expect(TextLayout.wrapped("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrapped("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        for line in TextLayout.wrapped("東京 と 大阪 の 会議 について", width: 5) {
            #expect(DisplayWidth.of(line) <= 5)
        }
    }

    @Test("Bodies: CRLF lines, tabs expanded, controls shown, trailing blank lines dropped")
    func bodies() {
        let lines = TextLayout.bodyLines("Hi\r\n\tthere\u{1B}[2J\r\n\r\n", width: 40)
        #expect(lines == ["Hi", "    there␛[2J"])
    }
}
