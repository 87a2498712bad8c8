import CNCurses
import Foundation
import RapportTUI

/// The full-screen terminal, the inbox's real `Screen`: the only place ncurses is called. Not thread-safe by design:
/// create it, draw and read keys on one thread.
public final class Terminal: Screen {
    private var palette: Palette
    /// The frame on screen; the next frame is written as a diff against it.
    private var previous: CellBuffer?
    private var isOpen = false
    /// Codes ncurses gives Ctrl-← / Ctrl-→ (and Alt-←/→) when terminfo names them.
    private var wordLeftCodes: Set<UInt32> = []
    private var wordRightCodes: Set<UInt32> = []
    /// Keys read ahead while completing an Esc sequence that belong to the next reads.
    private var unread: [Key] = []

    /// Takes over the terminal: locale, raw keys, no echo, keypad, short Esc delay, colours.
    public init(escapeDelayMilliseconds: Int32 = 25) throws {
        // initscr() exits the process when it cannot start; refuse politely first.
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw TerminalError.notATerminal }
        try TerminalEnvironment.checkTerminal(ProcessInfo.processInfo.environment["TERM"])
        try TerminalEnvironment.chooseUTF8Locale()
        guard initscr() != nil else { throw TerminalError.cannotStart }
        isOpen = true
        raw()
        noecho()
        nonl()
        rapport_keypad(true)
        rapport_set_escdelay(escapeDelayMilliseconds)
        curs_set(0)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var colors = false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        palette = Palette(colors: colors)
        for (sequence, left) in [("\u{1B}[1;5D", true), ("\u{1B}[1;3D", true), ("\u{1B}[1;5C", false), ("\u{1B}[1;3C", false)] {
            let code = rapport_key_defined(sequence)
            guard code > 0 else { continue }
            if left { wordLeftCodes.insert(UInt32(code)) } else { wordRightCodes.insert(UInt32(code)) }
        }
        Signals.install()
        Self.bracketedPaste(true)
    }

    /// Asks the terminal to mark pasted text (Esc[200~ … Esc[201~), so a paste is text, never keys.
    private static func bracketedPaste(_ on: Bool) {
        let bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    deinit { close() }

    /// Columns and rows right now.
    public var size: (width: Int, height: Int) {
        (Int(rapport_cols()), Int(rapport_lines()))
    }

    /// Waits up to `timeout` milliseconds for a key, a resize or a signal; nil when nothing came.
    public func read(timeout milliseconds: Int32) -> ScreenEvent? {
        if let sig = Signals.take() { return .signal(sig) }
        if !unread.isEmpty { return .key(unread.removeFirst()) }
        rapport_timeout(milliseconds)
        var code: wint_t = 0
        let status = rapport_get_wch(&code)
        if let sig = Signals.take() { return .signal(sig) }
        guard status != rapport_err() else { return nil }
        switch decode(status: status, code: UInt32(code)) {
        case .key(.escape):
            // An Esc ncurses did not match: Alt-key, a CSI sequence it does not know, or a paste.
            let (key, ahead) = EscapeSequence.complete(next: { self.waitingKey(timeout: 0) },
                                                       nextInPaste: { self.waitingKey(timeout: 100) })
            unread += ahead
            return key.map { .key($0) }
        case .key(let key): return .key(key)
        case .resize:
            previous = nil          // ncurses has resized its screen; draw everything again
            let s = size
            return .resize(width: s.width, height: s.height)
        case .none: return nil
        }
    }

    private func decode(status: Int32, code: UInt32) -> KeyDecoder.Decoded {
        if status == rapport_key_code_yes() {
            if wordLeftCodes.contains(code) { return .key(.ctrlLeft) }
            if wordRightCodes.contains(code) { return .key(.ctrlRight) }
        }
        return KeyDecoder.decode(status: status, code: code)
    }

    /// The next key if one comes within `milliseconds` (resizes inside a sequence are left for later).
    private func waitingKey(timeout milliseconds: Int32) -> Key? {
        rapport_timeout(milliseconds)
        var code: wint_t = 0
        let status = rapport_get_wch(&code)
        guard status != rapport_err() else { return nil }
        if case .key(let key) = decode(status: status, code: UInt32(code)) { return key }
        return nil
    }

    /// Shows `frame`, writing only the cells that changed since the last one.
    public func draw(_ frame: CellBuffer) {
        guard isOpen else { return }
        if previous == nil { rapport_erase() }
        for change in frame.diff(from: previous) { put(change, in: frame) }
        rapport_move(Int32(max(0, frame.height - 1)), 0)
        rapport_refresh()
        previous = frame
    }

    /// Clears the screen and forgets the last frame, so the next `draw` repaints everything (Ctrl-L).
    public func invalidate() {
        guard isOpen else { return }
        rapport_clearok(true)
        previous = nil
    }

    /// Gives the terminal back for a while (e.g. to run $EDITOR); `resume()` takes it again.
    public func suspend() {
        guard isOpen else { return }
        Self.bracketedPaste(false)
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard isOpen else { return }
        reset_prog_mode()
        invalidate()
        rapport_refresh()
        Self.bracketedPaste(true)
    }

    /// Ctrl-Z: gives the terminal back and stops the process until the shell continues it.
    public func stopForShell() {
        suspend()
        kill(getpid(), SIGSTOP)
        resume()
    }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Self.bracketedPaste(false)
        endwin()
        Signals.restoreDefaults()
    }

    /// After `close()`: ends the process by the signal that asked it to stop, as if unhandled.
    public static func reraise(_ sig: Int32) -> Never {
        signal(sig, SIG_DFL)
        raise(sig)
        exit(128 + sig)
    }

    private func put(_ change: CellChange, in frame: CellBuffer) {
        let (attrs, pair) = palette.attributes(for: change.cell.style)
        let width = { (scalar: UInt32) in rapport_wcwidth(scalar) }
        if change.cell.isContinuation {
            let lead = change.x > 0 ? frame[change.x - 1, change.y] : Cell.blank
            // nil: ncurses fills the right half itself, as it counts the lead as two columns.
            if let trail = CellGlyph.trail(lead.grapheme, width: width) {
                write(trail, x: change.x, y: change.y, attrs: attrs, pair: pair)
            }
            return
        }
        write(CellGlyph.lead(change.cell.grapheme, width: width), x: change.x, y: change.y, attrs: attrs, pair: pair)
        // The right half goes with it: the diff may not list an unchanged continuation cell.
        if change.cell.width == 2, change.x + 1 < frame.width, let trail = CellGlyph.trail(change.cell.grapheme, width: width) {
            write(trail, x: change.x + 1, y: change.y, attrs: attrs, pair: pair)
        }
    }

    private func write(_ scalars: [UInt32], x: Int, y: Int, attrs: attr_t, pair: Int16) {
        var wide = scalars.map { wchar_t(bitPattern: $0) }
        wide.append(0)
        if rapport_put_cell(Int32(y), Int32(x), wide, attrs, pair) == rapport_err(), scalars.count > 1 {
            write([scalars[0]], x: x, y: y, attrs: attrs, pair: pair)
        }
    }
}

public enum TerminalError: Error, CustomStringConvertible {
    case cannotStart
    case notATerminal
    case unsuitable(String)
    case needsUTF8

    public var description: String {
        switch self {
        case .cannotStart: "cannot start the full-screen inbox (check $TERM)"
        case .notATerminal: "the inbox needs a terminal; for scripts use the subcommands (rapport --help)"
        case .unsuitable(let why): "\(why); run it in a terminal such as xterm, or use the subcommands (rapport --help)"
        case .needsUTF8:
            "the inbox needs a UTF-8 locale and none is installed (set LANG=C.UTF-8, or install the locales package)"
        }
    }
}
