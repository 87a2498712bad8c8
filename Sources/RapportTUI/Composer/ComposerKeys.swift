/// What a key does inside the composer. Plain characters are always text there, so every
/// command sits on Ctrl, Alt or a function key (see DECISIONS.md, "Composer keys").
public enum ComposerAction: Sendable, Hashable {
    /// Ctrl-S: send the reply (or add the note).
    case send
    /// Ctrl-R: reply-all on or off (copy the people the customer copied).
    case replyAll
    /// Ctrl-F: the automatic fixes of `ReplyAutoFix`.
    case fix
    /// Ctrl-T: the template picker.
    case templates
    /// Ctrl-G: remind me if no reply in N days (off, 3, 7, 14 days, off again).
    case remind
    /// Ctrl-O: attach a file (a path, Tab completes it); Ctrl-X: take the last one off.
    case attach, detach
    /// Ctrl-E: hand the draft to $VISUAL / $EDITOR.
    case externalEditor
    /// Esc: leave the editor; the draft is kept.
    case leave
    /// Ctrl-D: throw the draft away (asks first).
    case discard
    /// F1: the key help (`?` is text here).
    case help
    case newline, deleteBackward, deleteForward, deleteWordBackward
    case left, right, up, down, wordLeft, wordRight
    case lineStart, lineEnd, pageUp, pageDown, textStart, textEnd
}

extension KeyMap {
    /// The composer's and the template picker's keys; `standard` appends them to the table.
    static let composerBindings: [KeyBinding] = {
        let c: Set<KeyContext> = [.composer]
        func b(_ keys: [Key], _ action: ComposerAction, _ help: String) -> KeyBinding {
            KeyBinding(keys, .composer(action), in: c, help)
        }
        return [
            b([.ctrl("s")], .send, "send the reply / add the note (refused while something blocks)"),
            b([.ctrl("r")], .replyAll, "reply-all on/off: copy the people the customer copied (shown under the title)"),
            b([.ctrl("f")], .fix, "fix: first-name greeting, your first name as sign-off, no signature; covering: the cover sentence"),
            b([.ctrl("t")], .templates, "insert a template (filtered as you type)"),
            b([.ctrl("o")], .attach, "attach a file (type its path; Tab completes)"),
            b([.ctrl("x")], .detach, "remove the last attached file"),
            b([.ctrl("g")], .remind, "remind me if no reply in 3, 7 or 14 days, or not (press again to change)"),
            b([.ctrl("e")], .externalEditor, "edit in $VISUAL / $EDITOR"),
            b([.escape, .ctrl("c")], .leave, "leave the editor (the draft is kept)"),
            b([.ctrl("d")], .discard, "discard the draft (asks first)"),
            b([.function(1)], .help, "this help"),
            KeyBinding([.ctrl("z")], .suspend, in: c, "suspend to the shell (the draft is saved first)"),
            b([.enter], .newline, "new line"),
            b([.backspace], .deleteBackward, "delete before the cursor"),
            b([.delete], .deleteForward, "delete under the cursor"),
            b([.ctrl("w"), .alt("\u{7F}")], .deleteWordBackward, "delete the word before the cursor"),
            b([.left], .left, "left"),
            b([.right], .right, "right"),
            b([.up], .up, "up a line (as wrapped on screen)"),
            b([.down], .down, "down a line"),
            b([.ctrlLeft, .alt("b")], .wordLeft, "previous word"),
            b([.ctrlRight, .alt("f")], .wordRight, "next word"),
            b([.home, .ctrl("a")], .lineStart, "start of the line"),
            b([.end], .lineEnd, "end of the line"),
            b([.pageUp], .pageUp, "page up"),
            b([.pageDown], .pageDown, "page down"),
            b([.alt("<")], .textStart, "start of the text"),
            b([.alt(">")], .textEnd, "end of the text"),
            KeyBinding([.up, .ctrl("p")], .moveUp, in: [.templates], "previous template"),
            KeyBinding([.down, .ctrl("n")], .moveDown, in: [.templates], "next template"),
            KeyBinding([.enter], .confirm, in: [.templates], "insert the template at the cursor"),
            KeyBinding([.escape, .ctrl("c")], .cancel, in: [.templates], "back to the editor"),
        ]
    }()
}

extension Key {
    /// What the key types into a one-line input: its character, or a paste's first line
    /// (control characters dropped); nil for every other key.
    public var typedText: String? {
        switch self {
        case .char(let c): return String(c)
        case .paste(let text):
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        default: return nil
        }
    }
}
