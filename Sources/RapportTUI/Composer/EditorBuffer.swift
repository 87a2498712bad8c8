import Foundation

/// The composer's text and cursor, with the editing and movement the composer's keys need.
///
/// Pure value type: no terminal, no store. Positions are grapheme (`Character`) offsets, the
/// same unit as `Draft.cursor`, so a saved draft restores its cursor exactly. Vertical movement
/// and Home/End work on *visual* lines: the text soft-wrapped to the pane's width in terminal
/// cells, where CJK characters and most emoji take two cells.
public struct EditorBuffer: Equatable, Sendable {
    /// The text as graphemes; `cursor` indexes into it (0...count).
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    /// The display column up/down moves try to keep; set by the first vertical move, cleared by anything else.
    var goalColumn: Int?

    public init(text: String = "", cursor: Int? = nil) {
        characters = Array(EditorBuffer.sanitised(text))
        self.cursor = min(max(cursor ?? characters.count, 0), characters.count)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: - Editing

    /// Inserts typed or pasted text at the cursor (line endings normalised, tabs expanded,
    /// control characters dropped) and moves the cursor after it.
    public mutating func insert(_ string: String) {
        let new = Array(EditorBuffer.sanitised(string))
        guard !new.isEmpty else { return }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        // Inserting can merge graphemes at the seams (e + combining accent); re-cluster to stay exact.
        recluster()
        goalColumn = nil
    }

    /// Deletes the grapheme before the cursor (Backspace).
    public mutating func deleteBackward() {
        goalColumn = nil
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
        recluster()
    }

    /// Deletes the grapheme under the cursor (Delete).
    public mutating func deleteForward() {
        goalColumn = nil
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        recluster()
    }

    /// Deletes back to the start of the word (Ctrl-W, Alt-Backspace).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
        goalColumn = nil
    }

    /// Replaces a range of graphemes with typed text (a template's slot), the cursor after it.
    public mutating func replace(_ range: Range<Int>, with string: String) {
        let range = min(max(range.lowerBound, 0), characters.count)..<min(max(range.upperBound, 0), characters.count)
        characters.removeSubrange(range)
        cursor = range.lowerBound
        goalColumn = nil
        insert(string)
    }

    /// Replaces the whole text (after `F` or a template), keeping the cursor where it was when possible.
    public mutating func replaceText(_ text: String, cursor newCursor: Int? = nil) {
        characters = Array(EditorBuffer.sanitised(text))
        cursor = min(max(newCursor ?? cursor, 0), characters.count)
        goalColumn = nil
    }

    /// Puts the cursor at a grapheme offset (clamped).
    public mutating func moveTo(_ offset: Int) {
        cursor = min(max(offset, 0), characters.count)
        goalColumn = nil
    }

    // MARK: - Horizontal movement

    public mutating func moveLeft() { moveTo(cursor - 1) }
    public mutating func moveRight() { moveTo(cursor + 1) }

    /// To the start of this word, or of the previous one (Alt-←, Ctrl-←).
    public mutating func moveWordLeft() { moveTo(wordStart(before: cursor)) }

    /// To the end of this word, or of the next one (Alt-→, Ctrl-→).
    public mutating func moveWordRight() {
        var i = cursor
        while i < characters.count, !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count, Self.isWordCharacter(characters[i]) { i += 1 }
        moveTo(i)
    }

    public mutating func moveToStart() { moveTo(0) }
    public mutating func moveToEnd() { moveTo(characters.count) }

    /// Start of the logical line (the text between two newlines).
    public mutating func moveToLineStart() {
        var i = cursor
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        moveTo(i)
    }

    /// End of the logical line, before its newline.
    public mutating func moveToLineEnd() {
        var i = cursor
        while i < characters.count, characters[i] != "\n" { i += 1 }
        moveTo(i)
    }

    /// Home: start of the visual line the cursor is on.
    public mutating func moveToVisualLineStart(width: Int) {
        let lines = layout(width: width)
        moveTo(lines[visualRow(in: lines)].start)
    }

    /// End: the last position shown on the cursor's visual line.
    public mutating func moveToVisualLineEnd(width: Int) {
        let lines = layout(width: width)
        moveTo(lines[visualRow(in: lines)].lastCursorOffset)
    }

    // MARK: - Vertical movement

    /// One visual line up, keeping the display column; from the first line, to the start of the text.
    public mutating func moveUp(width: Int) { moveVertically(by: -1, width: width) }

    /// One visual line down, keeping the display column; from the last line, to the end of the text.
    public mutating func moveDown(width: Int) { moveVertically(by: 1, width: width) }

    /// Several visual lines at once (PgUp/PgDn).
    public mutating func moveVertically(by rows: Int, width: Int) {
        let lines = layout(width: width)
        let row = visualRow(in: lines)
        let goal = goalColumn ?? column(of: cursor, on: lines[row])
        let target = row + rows
        if target < 0 { moveTo(0) } else if target >= lines.count { moveTo(characters.count) } else {
            cursor = offset(onLine: lines[target], column: goal)
        }
        goalColumn = goal
    }

    // MARK: - Word boundaries

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "'" || c == "’"
    }

    func wordStart(before offset: Int) -> Int {
        var i = offset
        while i > 0, !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0, Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    // MARK: - Text hygiene

    /// Text as the buffer holds it: "\r\n" and "\r" become "\n", a tab becomes four spaces,
    /// and other control characters (escape sequences from a paste) are dropped.
    static func sanitised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A: if !previousWasCR { out.append("\n") }
            case 0x09: out.append(contentsOf: "    ".unicodeScalars)
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Rebuilds the grapheme array after an insert, keeping the cursor on the same text position.
    mutating func recluster() {
        let before = String(characters[..<cursor])
        let all = Array((before + String(characters[cursor...])))
        if all.count == characters.count { return }
        characters = all
        cursor = Array(before).count
    }
}
