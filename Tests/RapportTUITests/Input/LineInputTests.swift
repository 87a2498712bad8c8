import Testing
import RapportCore
@testable import RapportTUI

/// The one line input of every picker and prompt: its editing keys and how it is drawn.
@Suite("Line input: the pickers' and prompts' text")
struct LineInputTests {
    /// A new one-row buffer `width` wide with `input` drawn at its left after `label`.
    func drawn(_ input: LineInput, label: String, width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        input.draw(label: label, labelStyle: .dim, x: 0, y: 0, width: width, into: &buffer)
        return buffer
    }

    /// Feeds keys as the `.prompt` context's table maps them.
    func typed(_ keys: [Key], into input: LineInput = LineInput()) -> LineInput {
        var input = input
        for key in keys { input.handle(key, action: KeyMap.standard.action(for: key, in: .prompt)) }
        return input
    }

    @Test("Typing goes in at the cursor; Backspace, Delete, Home, End and Ctrl-U edit around it")
    func editing() {
        var input = typed(typing("bob") + [.left, .left] + typing("X"))
        #expect((input.text, input.cursor) == ("bXob", 2))
        input = typed([.backspace, .delete], into: input)
        #expect((input.text, input.cursor) == ("bb", 1))
        input = typed([.home] + typing("<") + [.end] + typing(">"), into: input)
        #expect(input.text == "<bb>")
        input = typed([.ctrl("u")], into: input)
        #expect((input.text, input.cursor) == ("", 0))
        #expect(input.apply(.deleteBackward) == .ignored)         // nothing to delete
        #expect(input.handle(.function(5), action: nil) == .ignored)
        #expect(input.handle(.paste("first line\nsecond"), action: nil) == .edited)
        #expect(input.text == "first line")                      // a paste brings its first line only
    }

    @Test("The editing keys are the same in the agent and referral pickers, the template picker and the prompts",
          arguments: [KeyContext.picker, .templates, .prompt])
    func sameKeysEverywhere(_ context: KeyContext) {
        let keys: [(Key, LineEdit)] = [(.backspace, .deleteBackward), (.delete, .deleteForward), (.left, .left),
                                       (.right, .right), (.home, .start), (.end, .end), (.ctrl("u"), .clear)]
        for (key, edit) in keys {
            #expect(KeyMap.standard.action(for: key, in: context) == .edit(edit), "\(key.label) in \(context)")
        }
    }

    @Test("In the agent picker the cursor moves without resetting the choice; an edit picks the best match again")
    func agentPickerKeepsItsChoiceOnMoves() {
        var state = loadedState([row(1, customer: 10, name: "Ada")])
        _ = update(&state, .agentsLoaded(team))
        _ = update(&state, .key(.char("a")))
        for key in typing("ma") + [.down, .left] { _ = update(&state, .key(key)) }
        guard case .picker(let moved) = state.overlay else { Issue.record("no picker"); return }
        #expect(moved.selected == 1 && moved.input.cursor == 1)
        _ = update(&state, .key(.char("r")))
        guard case .picker(let edited) = state.overlay else { Issue.record("picker closed"); return }
        #expect(edited.filter == "mra" && edited.selected == 0)
    }

    @Test("Drawn: the label, the text, and the cursor as the highlighted cell of the character it stands on")
    func drawing() {
        var input = LineInput("hello")
        input.apply(.left)
        let buffer = drawn(input, label: "to: ", width: 20)
        #expect(buffer.lines() == ["to: hello"])
        #expect((0..<20).filter { buffer[$0, 0].style == .selected } == [8])   // on the o
    }

    @Test("A text longer than its room scrolls to keep the cursor in view")
    func scrolling() {
        var input = LineInput("abcdefghijklmnopqrstuvwxyz")
        var buffer = drawn(input, label: "> ", width: 10)
        #expect(buffer.lines() == ["> tuvwxyz"])                               // the end, and the cursor after it
        #expect(buffer[9, 0].style == .selected)
        input.apply(.start)
        buffer = drawn(input, label: "> ", width: 10)
        #expect(buffer.lines() == ["> abcdefg…"])
        #expect(buffer[2, 0].style == .selected)
    }

    @Test("The cursor on a two-column character highlights its cell")
    func wideCharacter() {
        var input = LineInput("日本")
        input.apply(.left)
        let buffer = drawn(input, label: "", width: 12)
        #expect(buffer[2, 0].grapheme == "本" && buffer[2, 0].style == .selected)
    }
}
