import Foundation
import Testing
import RapportCore
@testable import RapportTUI

@Suite("Recipients: To and Cc in the thread and the composer, reply-all on Ctrl-R")
struct RecipientsRenderTests {
    /// Ada's thread plus her message copying Bob and a hostile address, then the composer open on it.
    func copied(width: Int) -> AppState {
        var state = threadState(width: width, height: 24)
        var extra = message(5, .inbound, "Bob is copied.")
        extra.to = ["maria@example.com"]
        extra.cc = ["bob@lovelace.example", "eve\u{1B}[2J@x.example"]
        _ = update(&state, .threadLoaded(adaThread(adding: extra)))
        return state
    }

    @Test("the thread shows To and Cc under the sender, sanitised and cut to the pane")
    func threadLine() {
        let state = copied(width: 80)
        let lines = screen(state)
        let index = try? #require(lines.firstIndex { $0.contains("Bob is copied.") })
        let addresses = lines[(index ?? 1) - 1]
        #expect(addresses.hasPrefix("  to maria@example.com · cc bob@lovelace.example, eve␛[2J@x.example"), "\(addresses)")
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test("the composer says where the reply goes; Ctrl-R turns reply-all off and on, and send carries it")
    func composerHeader() {
        var state = copied(width: 140)
        _ = update(&state, .key(.char("r")))
        _ = update(&state, .composer(.draftLoaded(1, nil)))
        _ = update(&state, .composer(.recipientsLoaded(1, ReplyRecipients(to: "ada@example.com", cc: ["bob@lovelace.example"]),
                                                       problem: nil)))
        #expect(screen(state).contains {
            $0.hasPrefix(" To ada@example.com · Cc bob@lovelace.example · Ctrl-R reply-all on")
        })
        _ = press(.ctrl("r"), in: &state)
        #expect(state.compose.composer?.replyAll == false)
        #expect(screen(state).contains { $0.hasPrefix(" To ada@example.com · Cc off (1 left out) · Ctrl-R reply-all off") })
        type("Hi Ada,\n\nDone.\n\nMaria", into: &state)
        let effects = press(.ctrl("s"), in: &state)
        #expect(effects == [.composer(.sendReply(1, text: "Hi Ada,\n\nDone.\n\nMaria", replyAll: false))])
    }

    @Test("no human address: the composer says so in red where the addresses go")
    func noHumanAddress() {
        var state = copied(width: 140)
        _ = update(&state, .key(.char("r")))
        _ = update(&state, .composer(.draftLoaded(1, nil)))
        let problem = RapportError.noHumanAddress(customer: "Website contact form", address: "no-reply@forms.example").description
        _ = update(&state, .composer(.recipientsLoaded(1, nil, problem: problem)))
        #expect(screen(state).contains { $0.hasPrefix("✗ no human address to answer: Website contact form wrote only from") })
    }

    @Test("a guessed name: the title says so, and the hint says a neutral greeting will do and how to set the real name")
    func guessedName() {
        var state = threadState(width: 140, height: 30)
        var data = adaThread(adding: message(5, .inbound, "Hello?"))
        data.profile?.customer.nameIsGuess = true
        _ = update(&state, .threadLoaded(data))
        _ = update(&state, .key(.char("r")))
        _ = update(&state, .composer(.draftLoaded(1, nil)))
        let text = screen(state).joined(separator: "\n")
        #expect(text.contains("Reply to Ada Lovelace (name guessed)"))
        #expect(text.contains("\"Hello,\" will do") && text.contains("rapport customer edit"))
    }

    @Test("the customer writing while the reply is open asks again who it goes to")
    func readdressedWhenTheyWrite() {
        var state = composing(width: 120, height: 40)
        let effects = update(&state, .threadLoaded(adaThread(adding: message(5, .inbound, "Copying Bob now."))))
        #expect(effects.contains(.composer(.loadRecipients(1))))
        #expect(!update(&state, .threadLoaded(adaThread(adding: message(5, .inbound, "Copying Bob now.")))).contains(.composer(.loadRecipients(1))))
    }
}
