import Foundation
import Testing
import RapportCore
@testable import RapportTUI

/// The thread with Ada (owned by Maria, an existing customer) with the composer open and its
/// draft (if any) loaded, as the runner would have answered.
func composing(_ kind: DraftKind = .reply, width: Int = 120, height: Int = 40, draft: Draft? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) -> AppState {
    var state = threadState(width: width, height: height)
    let effects = update(&state, .key(.char(kind == .reply ? "r" : "n")))
    #expect(effects == [.composer(.loadDraft(1))], sourceLocation: sourceLocation)
    _ = update(&state, .composer(.draftLoaded(1, draft)))
    return state
}

/// Types text into the composer key by key ("\n" is Enter); returns every effect the keys asked for.
@discardableResult
func type(_ text: String, into state: inout AppState) -> [Effect] {
    text.flatMap { update(&state, .key($0 == "\n" ? .enter : .char($0))) }
}

func press(_ keys: Key..., in state: inout AppState) -> [Effect] {
    keys.flatMap { update(&state, .key($0)) }
}

extension AppState {
    var composerText: String? { compose.composer?.text }
}

/// The reply of the "Done when" scenario: formal greeting, full name, title and company.
let formalReply = """
    Dear Ms. Lovelace,

    I have checked the invoice: you were charged twice, and the refund is on its way.

    Best regards,
    Maria Rossi
    Account Manager
    Rapport Example Ltd.
    """

/// The messages of the Ada thread (ids 1–3) plus one more.
func adaThread(adding extra: Message, isExisting: Bool = true) -> ThreadData {
    let state = threadState(width: 120, height: 40)
    let t = state.thread!
    var profile = t.profile!
    profile.customer.isExisting = isExisting
    return ThreadData(conversation: t.conversation!, messages: t.messages + [extra], profile: profile)
}

func message(_ id: MessageRowID, _ direction: MessageDirection, author: String? = nil, _ text: String) -> Message {
    Message(id: id, conversationID: 1, direction: direction, author: author,
            from: direction == .inbound ? "Ada Lovelace <ada@example.com>" : "\(author ?? "x")@example.com",
            to: ["ada@example.com"], subject: "Invoice question", text: text, messageID: nil, inReplyTo: nil,
            references: [], date: now.addingTimeInterval(-60))
}
