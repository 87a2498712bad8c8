import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// Presence in the inbox: ticks say where this agent is and read the others; rows and the thread's
/// header name the others in a conversation while their marks are in force.
@Suite struct PresenceTests {
    func presenceEffects(_ effects: [Effect]) -> [Effect] {
        effects.filter { if case .presence = $0 { return true } else { return false } }
    }

    @Test func ticksSayWhereThisAgentIsOnlyWhenItChangesOrIsDueAndLeavingClearsIt() {
        var state = loadedState(listRows)
        // On the list: nothing to say, the others are read.
        #expect(presenceEffects(update(&state, .tick(now))) == [.presence(.read)])
        _ = update(&state, .key(.enter))
        #expect(presenceEffects(update(&state, .tick(now + 1))) == [.presence(.beat(1, .viewing))])
        #expect(presenceEffects(update(&state, .tick(now + 2))).isEmpty, "said already, nothing to read yet")
        #expect(presenceEffects(update(&state, .tick(now + 11))) == [.presence(.beat(1, .viewing)), .presence(.read)])
        _ = update(&state, .key(.char("q")))
        #expect(presenceEffects(update(&state, .tick(now + 12))) == [.presence(.leave)])
        #expect(presenceEffects(update(&state, .tick(now + 13))).isEmpty)
    }

    @Test func aReplyComposerIsReplyingAndANoteIsViewing() {
        var state = composing(.reply)
        #expect(presenceEffects(update(&state, .tick(now + 1))).contains(.presence(.beat(1, .replying))))
        var note = composing(.note)
        #expect(presenceEffects(update(&note, .tick(now + 1))).contains(.presence(.beat(1, .viewing))))
    }

    @Test func theOthersAreNamedOnTheirRowAndInTheHeaderUntilTheirMarkRunsOut() {
        var state = threadState(width: 100, height: 12)
        _ = update(&state, .presenceLoaded([
            PresenceMark(agent: "bob", conversationID: 1, activity: .replying, at: now),
            PresenceMark(agent: "maria", conversationID: 1, activity: .viewing, at: now),   // this agent: never shown
            PresenceMark(agent: "anna", conversationID: 2, activity: .viewing, at: now - 20),
        ]))
        #expect(screen(state)[0].contains("· Bob is replying"), "\(screen(state)[0])")
        _ = update(&state, .key(.char("q")))
        let list = screen(state)
        #expect(list.contains { $0.contains("Ada Lovelace") && $0.contains("[Bob is replying] Invoice") }, "\(list)")
        #expect(list.contains { $0.contains("Charles Babbage") && $0.contains("[Anna is viewing] Re: difference") }, "\(list)")
        // Anna's mark was written 20 s before; 10 s later it has run out and her name goes.
        _ = update(&state, .tick(now + 10))
        #expect(!screen(state).contains { $0.contains("Anna is viewing") })
        #expect(screen(state).contains { $0.contains("[Bob is replying]") })
    }
}
