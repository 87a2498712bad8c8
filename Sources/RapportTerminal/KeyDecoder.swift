import CNCurses
import RapportTUI

/// Turns what `wget_wch` returned into the inbox's `Key`. Pure, so it is tested without a terminal.
enum KeyDecoder {
    enum Decoded: Equatable {
        case key(Key)
        case resize
        case none
    }

    /// `status` is `wget_wch`'s result (OK or KEY_CODE_YES); `code` the character or key code.
    static func decode(status: Int32, code: UInt32) -> Decoded {
        if status == rapport_key_code_yes() { return function(Int32(bitPattern: code)) }
        switch code {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + code)))))
        case 0..<32: return .none
        default:
            guard let scalar = Unicode.Scalar(code) else { return .none }
            return .key(.char(Character(scalar)))
        }
    }

    private static func function(_ code: Int32) -> Decoded {
        switch code {
        case rapport_key_resize(): return .resize
        case rapport_key_up(): return .key(.up)
        case rapport_key_down(): return .key(.down)
        case rapport_key_left(): return .key(.left)
        case rapport_key_right(): return .key(.right)
        case rapport_key_home(): return .key(.home)
        case rapport_key_end(): return .key(.end)
        case rapport_key_npage(): return .key(.pageDown)
        case rapport_key_ppage(): return .key(.pageUp)
        case rapport_key_backspace(): return .key(.backspace)
        case rapport_key_dc(): return .key(.delete)
        case rapport_key_enter(): return .key(.enter)
        case rapport_key_btab(): return .key(.backTab)
        case rapport_key_f(1)...rapport_key_f(24): return .key(.function(Int(code - rapport_key_f(0))))
        default: return .none
        }
    }
}
