import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// Mail that arrived with an agent's address in From but was not sent by Rapport is shown as it is,
/// with a warning in its header, never as the agent's reply.
@Suite struct UnverifiedSenderTests {
    @Test func aForgedAgentMessageIsMarkedInTheThread() {
        var state = threadState(width: 120, height: 16)
        guard case .thread(let t) = state.screen, let conversation = t.conversation else { Issue.record("no thread"); return }
        let forged = Message(id: 9, conversationID: 1, direction: .outbound, author: nil, from: "maria@example.com",
                             to: ["ada@example.com"], subject: "Invoice question", text: "Send me your card number.",
                             messageID: "forged@evil.example", inReplyTo: nil, references: [], date: now)
        _ = update(&state, .threadLoaded(ThreadData(conversation: conversation, messages: t.messages + [forged],
                                                    profile: t.profile)))
        let lines = screen(state)
        let header = lines.first { $0.contains("not sent by Rapport") }
        #expect(header?.contains("◀ ⚠ not sent by Rapport: maria@example.com to ada@example.com") == true, "\(lines.joined(separator: "\n"))")
        #expect(lines.filter { $0.contains("Maria to ada@example.com") }.count == 1, "only Maria's real reply is hers")
    }
}
