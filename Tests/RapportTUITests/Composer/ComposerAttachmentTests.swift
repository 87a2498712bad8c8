import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// Ctrl-O attaches a file to a reply (Tab completes the path), the files show under the addresses,
/// Ctrl-X takes the last one off, and they go with the reply and the saved draft.
@Suite struct ComposerAttachmentTests {
    let quote = DraftAttachment(path: "/home/maria/Quote.pdf", name: "Quote.pdf", size: 1_200_000)

    @Test func ctrlOAsksForAPathAndTabAsksForItsCompletion() {
        var state = composing()
        #expect(press(.ctrl("o"), in: &state).isEmpty)
        guard case .prompt(let prompt) = state.overlay, case .attachFile(1) = prompt.purpose else {
            Issue.record("\(String(describing: state.overlay))"); return
        }
        #expect(prompt.text == "~/")
        _ = press(.char("Q"), in: &state)
        #expect(press(.tab, in: &state) == [.composer(.completePath("~/Q"))])
        _ = update(&state, .composer(.pathCompleted(typed: "~/Q", completed: "~/Quote", candidates: ["Quote.pdf", "Quotes/"])))
        #expect(state.overlay.flatMap { if case .prompt(let p) = $0 { p.text } else { nil } } == "~/Quote")
        #expect(state.message?.text == "Quote.pdf  Quotes/")
        _ = press(.char("."), .char("p"), .char("d"), .char("f"), in: &state)
        #expect(press(.enter, in: &state) == [.composer(.attachFile(1, path: "~/Quote.pdf", current: []))])
    }

    @Test func anAttachedFileShowsGoesWithTheDraftAndTheReplyAndCtrlXRemovesIt() {
        var state = composing()
        _ = update(&state, .composer(.attached(1, quote)))
        #expect(state.message?.text == "Attached Quote.pdf (1.2 MB)")
        #expect(screen(state).contains { $0.contains("Attached: Quote.pdf (1.2 MB) · Ctrl-X removes the last") }, "\(screen(state))")
        let saved = update(&state, .tick(now.addingTimeInterval(0.5))).compactMap { effect -> Draft? in
            if case .composer(.saveDraft(let d)) = effect { d } else { nil }
        }
        #expect(saved.first?.attachments == [quote])
        _ = type("Hi Ada,\n\nThe quote.\n\nMaria", into: &state)
        #expect(press(.ctrl("s"), in: &state) == [.composer(.sendReply(1, text: "Hi Ada,\n\nThe quote.\n\nMaria", attachments: [quote]))])
    }

    @Test func ctrlXTakesTheLastFileOffAndANoteTakesNone() {
        var state = composing()
        _ = update(&state, .composer(.attached(1, quote)))
        _ = press(.ctrl("x"), in: &state)
        #expect(state.compose.composer?.attachments == [])
        #expect(state.message?.text == "Removed Quote.pdf")
        #expect(!screen(state).contains { $0.contains("Attached:") })
        _ = press(.ctrl("x"), in: &state)
        #expect(state.message?.text == "No file is attached")
        var note = composing(.note)
        _ = press(.ctrl("o"), in: &note)
        #expect(note.overlay == nil && note.message?.isError == true)
    }
}
