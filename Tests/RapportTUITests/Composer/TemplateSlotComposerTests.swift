import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Composer: a template's [[slot]] takes the cursor and blocks sending until written")
struct TemplateSlotComposerTests {
    let apology = RenderedTemplate(name: "apology-fixed", kind: "reply", description: "Own a mistake",
                                   text: "Hi Ada,\n\nWhat happened: [[what went wrong]]\n\nIt is fixed. Just reply with any question.\n\nMaria")

    func inserted(into state: inout AppState) {
        _ = press(.ctrl("t"), in: &state)
        _ = update(&state, .composer(.templatesRendered(1, [apology], problems: [])))
        _ = press(.enter, in: &state)
    }

    @Test("the cursor sits on the first slot and typing replaces it")
    func typingFillsTheSlot() {
        var state = composing()
        inserted(into: &state)
        let c = try! #require(state.compose.composer)
        #expect(c.editor.cursor == "Hi Ada,\n\nWhat happened: ".count)
        #expect(state.message?.text.contains("“what went wrong”") == true)
        _ = type("I charged you twice.", into: &state)
        #expect(state.composerText == "Hi Ada,\n\nWhat happened: I charged you twice.\n\nIt is fixed. Just reply with any question.\n\nMaria")
        _ = press(.ctrl("s"), in: &state)
        #expect(state.compose.composer?.sending == true)
    }

    @Test("an unfilled slot blocks Ctrl-S with a clear reason; Backspace on it removes it")
    func unfilledSlotBlocks() {
        var state = composing()
        inserted(into: &state)
        #expect(press(.right, .left, in: &state) == [], "moving keeps the slot as text")
        #expect(press(.ctrl("s"), in: &state).isEmpty)
        #expect(state.message == StatusMessage("Not sent — slot (line 3); see below", isError: true))
        #expect(state.compose.composer?.blocking.first?.message.contains("\"what went wrong\" is still to be written") == true)

        var fresh = composing()
        inserted(into: &fresh)
        _ = press(.backspace, in: &fresh)
        #expect(fresh.composerText == "Hi Ada,\n\nWhat happened: \n\nIt is fixed. Just reply with any question.\n\nMaria")
    }
}

@Suite("Composer: a message that answers nothing is not called a reply")
struct FirstMessageWordingTests {
    @Test("title, queued and sent say Message when the customer never wrote in the conversation")
    func wording() {
        var state = composing()
        #expect(state.compose.composer?.noun == "Reply", "Ada wrote in this conversation")
        state.compose.composer?.answersCustomer = false
        #expect(screen(state).contains { $0.contains("Message to Ada") })
        let item = OutboxItem(id: 7, messageRowID: 70, conversationID: 1, agent: "maria", toAddress: "ada@example.org",
                              state: .queued, error: nil, attempts: 0, queued: now, updated: now)
        _ = update(&state, .composer(.replyQueued(1, item)))
        #expect(state.message?.text == "Message to Ada queued for ada@example.org; delivering…")
        _ = update(&state, .composer(.delivered(DeliveryResult(entries: [.init(outboxID: 7, to: "ada@example.org", error: nil)]))))
        #expect(state.message?.text == "Message to Ada sent to ada@example.org")
    }
}
