/// One line of typed text with a cursor: the filter of the agent, referral and template pickers and
/// the text of the line prompts (search, handoff note). It owns its editing keys (`apply`) and its
/// drawing (`draw`), so every place that takes a line of text edits and shows it the same way.
public struct LineInput: Sendable, Hashable {
    /// The text as typed (never a newline: a paste brings its first line).
    public private(set) var text: String
    /// Where the next character goes, in graphemes from the start: 0 through `text.count`.
    public private(set) var cursor: Int

    /// An input holding `text`, the cursor after it.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// What a key did to the line.
    public enum Outcome: Sendable, Hashable {
        /// The text changed (a filter is run again).
        case edited
        /// Only the cursor moved.
        case moved
        /// The key is not the input's: neither an edit nor text.
        case ignored
    }

    /// Handles a key that the key table maps to `action` in the input's context: an edit
    /// (`Action.edit`), else the text the key types. The caller handles its own actions first.
    @discardableResult
    public mutating func handle(_ key: Key, action: Action?) -> Outcome {
        if case .edit(let edit) = action { return apply(edit) }
        guard let typed = key.typedText, !typed.isEmpty else { return .ignored }   // a character, or a pasted line
        insert(typed)
        return .edited
    }

    /// Types `typed` at the cursor.
    public mutating func insert(_ typed: String) {
        let at = index(cursor)
        text.insert(contentsOf: typed, at: at)
        cursor += typed.count
    }

    @discardableResult
    public mutating func apply(_ edit: LineEdit) -> Outcome {
        let before = self
        switch edit {
        case .deleteBackward:
            guard cursor > 0 else { break }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { break }
            text.remove(at: index(cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = text.count
        case .clear:
            text = ""
            cursor = 0
        }
        if text != before.text { return .edited }
        return cursor != before.cursor ? .moved : .ignored
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}

/// The editing keys of a line input (see `KeyMap.lineInputBindings`).
public enum LineEdit: Sendable, Hashable {
    case deleteBackward, deleteForward, left, right, start, end, clear
}

// MARK: - Keys

extension KeyMap {
    /// Where keys type into a `LineInput`.
    static let lineInputContexts: Set<KeyContext> = [.picker, .prompt, .templates]

    /// The line input's editing keys, the same in every picker and prompt.
    static let lineInputBindings: [KeyBinding] = [
        KeyBinding([.backspace], .edit(.deleteBackward), in: lineInputContexts, "delete before the cursor"),
        KeyBinding([.delete], .edit(.deleteForward), in: lineInputContexts, "delete under the cursor"),
        KeyBinding([.left], .edit(.left), in: lineInputContexts, "cursor left"),
        KeyBinding([.right], .edit(.right), in: lineInputContexts, "cursor right"),
        KeyBinding([.home, .ctrl("a")], .edit(.start), in: lineInputContexts, "start of the line"),
        KeyBinding([.end, .ctrl("e")], .edit(.end), in: lineInputContexts, "end of the line"),
        KeyBinding([.ctrl("u")], .edit(.clear), in: lineInputContexts, "clear the line"),
    ]
}

// MARK: - Drawing

extension LineInput {
    /// Draws `label` in `labelStyle`, then the text in `style` with the cursor as a highlighted
    /// cell, in `width` columns from (x, y). A text too long for its room scrolls so the cursor
    /// stays in view: typing at the end shows the end, the part being typed.
    public func draw(label: String, labelStyle: Style, style: Style = .plain, x: Int, y: Int, width: Int,
                     into buffer: inout CellBuffer) {
        let labelWidth = buffer.write(label, x: x, y: y, width: width, style: labelStyle)
        let room = width - labelWidth
        guard room >= 1 else { return }
        // Sanitised in three parts, so a character that becomes two cannot move the cursor.
        let characters = Array(text)
        let at = min(cursor, characters.count)
        let typed = Array(DisplaySafety.sanitised(String(characters[..<at])))
        let under = at < characters.count ? DisplaySafety.sanitised(String(characters[at])) : " "
        let rest = at + 1 < characters.count ? DisplaySafety.sanitised(String(characters[(at + 1)...])) : ""
        let underWidth = max(1, DisplayWidth.of(under))
        // As many characters before the cursor as fit beside it, counted back from it.
        var first = typed.count, used = underWidth
        while first > 0 {
            let w = DisplayWidth.of(typed[first - 1])
            guard used + w <= room else { break }
            used += w
            first -= 1
        }
        let start = x + labelWidth
        let before = buffer.write(String(typed[first...]), x: start, y: y, width: room, style: style)
        buffer.write(under, x: start + before, y: y, style: .selected)
        let after = start + before + underWidth
        if !rest.isEmpty, after < x + width {
            buffer.write(rest, x: after, y: y, width: x + width - after, style: style)
        }
    }
}
