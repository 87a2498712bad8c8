import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Render: what styles carry")
struct RenderStyleTests {
    func buffer(_ state: AppState) -> CellBuffer {
        var b = CellBuffer(width: state.width, height: state.height)
        render(state, into: &b)
        return b
    }

    @Test("The cursor row is reversed across the whole width; a marked row is bold and carries +")
    func cursorAndMarks() {
        var state = loadedState(listRows, width: 100, height: 12)
        _ = update(&state, .key(.char(" ")))
        let b = buffer(state)
        #expect((0..<100).allSatisfy { b[$0, 3].style.reverse })          // Charles, under the cursor
        #expect(!b[10, 2].style.reverse)
        #expect(b[0, 2].grapheme == "+" && b[5, 2].style.bold)            // Ada, marked
    }

    @Test("Notes are drawn in the note style; customer text is not")
    func noteStyle() {
        let b = buffer(threadState(width: 120, height: 16))
        let lines = b.lines()
        let noteRow = lines.firstIndex { $0.hasPrefix("┃ Billing") }!
        #expect(b[4, noteRow].style == .note)
        let inboundRow = lines.firstIndex { $0.hasPrefix("  Hello") }!
        #expect(b[4, inboundRow].style == .plain)
    }

    @Test("The handoff prompt takes the bottom row; a refused empty note shows above it")
    func handoffPromptRow() {
        var state = loadedState(listRows, width: 80, height: 12)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("t")))
        _ = update(&state, .key(.enter))
        var lines = screen(state)
        #expect(lines[11] == "Handoff note (Charles Babbage from Bob):")
        #expect(lines[10] == " A handoff note is needed: tell Maria what to know (Esc cancels)")
        for key in typing("On leave") { _ = update(&state, .key(key)) }
        lines = screen(state)
        #expect(lines[11] == "Handoff note (Charles Babbage from Bob): On leave")
    }

    @Test("Help is generated from the key table: every binding's keys and words appear")
    func helpFromTable() {
        let lines = HelpOverlay.lines(.standard)
        for binding in KeyMap.standard.bindings where !binding.contexts.isDisjoint(with: [.list, .thread, .picker, .prompt]) {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            #expect(lines.contains { $0.keys == keys && $0.text == binding.help }, "\(keys): \(binding.help)")
        }
        var state = loadedState(listRows, width: 80, height: 24)
        _ = update(&state, .key(.char("?")))
        let shown = screen(state)
        #expect(shown[1].contains("┌─ Keys"))
        #expect(shown[3].contains("j ↓") && shown[3].contains("move down"))
        #expect(shown[2].contains("List and conversation"))
        _ = update(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test("No key is bound twice in one context")
    func noConflicts() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyMap.standard.bindings(in: context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key.label) bound twice in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test("Every size from 0×0 to 130×45 renders without a crash or a spilled wide character")
    func everySize() {
        var list = loadedState(listRows, width: 1, height: 1)
        _ = update(&list, .key(.char("a")))                    // with the picker open
        let thread = threadState(width: 1, height: 1)
        for w in stride(from: 0, through: 130, by: 7) {
            for h in stride(from: 0, through: 45, by: 3) {
                for state in [list, thread] {
                    var s = state
                    _ = update(&s, .resize(width: w, height: h))
                    let b = buffer(s)
                    let lines = b.lines()
                    for y in 0..<b.height where b.width > 0 {
                        #expect(!b[0, y].isContinuation)
                        #expect(DisplayWidth.of(lines[y]) <= w)
                    }
                }
            }
        }
    }
}
