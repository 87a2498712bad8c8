import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// The message pane is laid out by window: scroll limits from block sizes, frames from the lines
/// they show. Every window must be exactly the matching slice of the whole pane, as it was drawn before.
@Suite struct ThreadWindowTests {
    /// A thread with every kind of block: inbound with a bare address, outbound, a note, an empty
    /// body, attachments, a long pasted log and a body with wide characters.
    func state(width: Int = 120, height: Int = 16) -> AppState {
        var state = threadState(width: width, height: height)
        guard case .thread(var t) = state.screen else { return state }
        func message(_ id: MessageRowID, _ direction: MessageDirection, from: String, _ text: String,
                     attachments: [AttachmentInfo] = []) -> Message {
            Message(id: id, conversationID: 1, direction: direction, author: direction == .inbound ? nil : "maria",
                    from: from, to: ["ada@example.com"], subject: "Invoice question", text: text, messageID: nil,
                    inReplyTo: nil, references: [], date: now.addingTimeInterval(Double(-600 + Int(id))),
                    attachments: attachments)
        }
        let log = (1...300).map { "2023-11-14T22:13:\($0 % 60) worker[\($0)] GET /api/v1/invoices/\($0 * 7) 200 in \($0 % 17) ms" }
            .joined(separator: "\n")
        let data = ThreadData(conversation: t.conversation!, messages: t.messages + [
            message(4, .inbound, from: "ada@example.com", "", attachments: [
                AttachmentInfo(filename: "scan.pdf", contentType: "application/pdf", size: 120_000),
                AttachmentInfo(filename: nil, contentType: "image/png", size: 900)]),
            message(5, .inbound, from: "Ada <ada@example.com>", "Here is the log:\n\n" + log),
            message(6, .outbound, from: "maria@example.com", "東京 と 大阪 の 会議 について、ありがとうございます。 " + String(repeating: "word ", count: 80)),
        ], profile: t.profile)
        t.scroll = 0
        state.screen = .thread(t)
        _ = update(&state, .threadLoaded(data))
        return state
    }

    /// The pane as `ThreadLayout.lines` built it before windows: every message, every line (each
    /// message's first line is the layout's own `header`; what is compared is which lines a window holds).
    func referenceLines(_ t: ThreadState, width: Int, state: AppState) -> (lines: [ThreadLine], starts: [Int]) {
        var lines: [ThreadLine] = []
        var starts: [Int] = []
        var number = 0
        let textWidth = max(1, width - 2)
        for message in t.messages {
            if !lines.isEmpty { lines.append(ThreadLine()) }
            starts.append(lines.count)
            lines.append(ThreadLayout.header(message, t, state))
            let isNote = message.direction == .note
            let body = TextLayout.bodyLines(message.text, width: textWidth)
            for line in body.isEmpty ? ["(no text)"] : body {
                lines.append(ThreadLine(prefix: isNote ? "┃ " : "  ", prefixStyle: isNote ? .note : .plain,
                                        text: line, style: isNote ? .note : .plain))
            }
            for a in message.attachments {
                let name = a.filename.map { DisplaySafety.sanitised($0) } ?? "unnamed"
                number += 1
                lines.append(ThreadLine(prefix: "  ", text: "[attachment \(number)] \(name) (\(a.contentType), \(ThreadLayout.size(a.size)))",
                                        style: .dim))
            }
        }
        return (lines, starts)
    }

    @Test func wholePaneAndMetricsMatchTheFullLayoutAtSeveralWidths() throws {
        let state = state()
        let t = try #require(state.thread)
        for width in [ThreadLayout.paneWidth(t, state: state), 60, 23, 3] {
            let reference = referenceLines(t, width: width, state: state)
            #expect(reference.lines.count > 300)
            #expect(ThreadLayout.lines(t, width: width, state: state).lines == reference.lines)
            let metrics = ThreadLayout.metrics(t, width: width)
            #expect(metrics.count == reference.lines.count)
            #expect(metrics.starts == reference.starts)
        }
    }

    @Test func everyWindowAndTailIsTheMatchingSlice() throws {
        let state = state()
        let t = try #require(state.thread)
        let width = ThreadLayout.paneWidth(t, state: state)
        let all = referenceLines(t, width: width, state: state).lines
        for first in Array(0..<40) + Array(stride(from: 40, through: all.count + 2, by: 7)) {
            for count in [0, 1, 5, 13, 400] {
                #expect(ThreadLayout.window(t, width: width, state: state, from: first, count: count)
                        == Array(all.dropFirst(first).prefix(count)), "first \(first), count \(count)")
            }
        }
        for count in [0, 1, 2, 3, 9, 50, all.count, all.count + 5] {
            #expect(ThreadLayout.tail(t, width: 40, state: state, count: count)
                    == Array(referenceLines(t, width: 40, state: state).lines.suffix(count)), "tail \(count)")
        }
    }

    @Test func scrollLimitsComeFromTheMetrics() throws {
        var state = state()
        let t = try #require(state.thread)
        let all = referenceLines(t, width: ThreadLayout.paneWidth(t, state: state), state: state)
        #expect(ThreadLayout.maxScroll(t, state: state) == all.lines.count - state.layout.threadHeight)
        // A newly opened thread shows its newest message from its first line.
        #expect(t.scroll == min(all.lines.count - state.layout.threadHeight, all.starts.last!))
        _ = update(&state, .key(.end))
        #expect(state.thread?.scroll == all.lines.count - state.layout.threadHeight)
    }
}
