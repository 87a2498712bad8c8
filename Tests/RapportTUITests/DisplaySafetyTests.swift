import Testing
@testable import RapportTUI

@Suite("Display safety: customer text never steers the terminal")
struct DisplaySafetyTests {
    @Test("C0 controls and DEL become Control Pictures, so an ESC shows as ␛")
    func c0AndDel() {
        #expect(DisplaySafety.sanitised("a\u{1B}[31mred") == "a␛[31mred")
        #expect(DisplaySafety.sanitised("bell\u{07}") == "bell␇")
        #expect(DisplaySafety.sanitised("nul\u{0}") == "nul␀")
        #expect(DisplaySafety.sanitised("del\u{7F}") == "del␡")
        #expect(DisplaySafety.sanitised("tab\there") == "tab␉here")
    }

    @Test("C1 controls (CSI 0x9B, OSC 0x9D), bidi controls, marks, BOM and soft hyphen become �",
          arguments: [0x85, 0x9B, 0x9D, 0x9F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                      0x200E, 0x200F, 0xFEFF, 0x00AD, 0x061C, 0x2028, 0x2029])
    func replacedWithPlaceholder(_ value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        let out = DisplaySafety.sanitised("x" + String(Character(scalar)) + "y")
        #expect(out == "x\u{FFFD}y")
        #expect(!out.unicodeScalars.contains(scalar))
    }

    @Test("Ordinary text, accents, CJK, emoji and joiners are kept as they are")
    func keepsText() {
        for text in ["Zoë Ångström", "東京の会議", "👍🏽 thanks", "👨‍👩‍👧", "e\u{301}", "نص عربي", "ok\u{200D}"] {
            #expect(DisplaySafety.sanitised(text) == text)
        }
    }

    @Test("Nothing unsafe survives, whatever the input")
    func exhaustiveLowPlanes() {
        var text = ""
        for v in 0..<0x3000 { if let s = Unicode.Scalar(v) { text.unicodeScalars.append(s) } }
        let out = DisplaySafety.sanitised(text)
        #expect(!out.unicodeScalars.contains { v in v.value < 0x20 || (0x7F...0x9F).contains(v.value) })
        #expect(!out.unicodeScalars.contains { [0x202E, 0x2066, 0x200F, 0xAD].contains($0.value) })
    }
}

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII and Latin take one column, CJK and emoji two")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｱ") == 1)                 // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)                 // fullwidth A
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)              // emoji with a skin-tone modifier
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)           // zero-width-joiner family
        #expect(DisplayWidth.of("🇩🇪") == 2)               // regional-indicator flag
        #expect(DisplayWidth.of("❤️") == 2)                // text heart with emoji presentation
        #expect(DisplayWidth.of("❤") == 1)
    }

    @Test("Combining marks attach to their base; zero-width characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)          // enclosing circle
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)   // Hangul jamo syllable
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    }
}
