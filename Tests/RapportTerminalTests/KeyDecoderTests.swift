import CNCurses
import Testing
import RapportTUI
@testable import RapportTerminal

@Suite("Key decoding from wget_wch")
struct KeyDecoderTests {
    let ok = rapport_ok()
    let function = rapport_key_code_yes()

    func char(_ code: UInt32) -> KeyDecoder.Decoded { KeyDecoder.decode(status: ok, code: code) }
    func key(_ code: Int32) -> KeyDecoder.Decoded { KeyDecoder.decode(status: function, code: UInt32(bitPattern: code)) }

    @Test("Printable characters, including non-ASCII ones, arrive whole")
    func printable() {
        #expect(char(0x6A) == .key(.char("j")))
        #expect(char(0x20) == .key(.char(" ")))
        #expect(char(0xE9) == .key(.char("é")))
        #expect(char(0x6771) == .key(.char("東")))
        #expect(char(0x1F600) == .key(.char("😀")))
    }

    @Test("Enter (CR or LF), Tab, Esc, Backspace (DEL or BS) and Ctrl-letters")
    func controls() {
        #expect(char(13) == .key(.enter) && char(10) == .key(.enter))
        #expect(char(9) == .key(.tab))
        #expect(char(27) == .key(.escape))
        #expect(char(127) == .key(.backspace) && char(8) == .key(.backspace))
        #expect(char(12) == .key(.ctrl("l")))
        #expect(char(3) == .key(.ctrl("c")))
        #expect(char(21) == .key(.ctrl("u")))
        #expect(char(0) == .none && char(28) == .none)
    }

    @Test("Function keys: arrows, paging, Home/End, Shift-Tab, F-keys, and resize")
    func functionKeys() {
        #expect(key(rapport_key_down()) == .key(.down))
        #expect(key(rapport_key_up()) == .key(.up))
        #expect(key(rapport_key_npage()) == .key(.pageDown))
        #expect(key(rapport_key_ppage()) == .key(.pageUp))
        #expect(key(rapport_key_home()) == .key(.home))
        #expect(key(rapport_key_end()) == .key(.end))
        #expect(key(rapport_key_btab()) == .key(.backTab))
        #expect(key(rapport_key_backspace()) == .key(.backspace))
        #expect(key(rapport_key_enter()) == .key(.enter))
        #expect(key(rapport_key_f(5)) == .key(.function(5)))
        #expect(key(rapport_key_resize()) == .resize)
    }

    @Test("Without colour, styles become attributes only")
    func monochrome() {
        var palette = Palette(colors: false)
        let marked = palette.attributes(for: .marked)
        #expect(marked.pair == 0)
        #expect(marked.attrs & rapport_attr_bold() != 0)
        let selected = palette.attributes(for: .selected)
        #expect(selected.attrs & rapport_attr_reverse() != 0)
        #expect(palette.attributes(for: .plain).attrs == rapport_attr_normal())
    }
}
