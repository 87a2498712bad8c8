import Foundation
import RapportCore
import Testing

/// Where our reply sits in the customer's thread, whatever their mail client wrote.
@Suite struct ReplyThreadingTests {
    func message(_ id: Int64, messageID: String?, inReplyTo: String? = nil, references: [String] = [],
                 direction: MessageDirection = .inbound, at seconds: Double) -> Message {
        Message(id: id, conversationID: 1, direction: direction, author: nil, from: "dana@example.org", to: [],
                subject: "Hello", text: "Hi", messageID: messageID, inReplyTo: inReplyTo, references: references,
                date: Date(timeIntervalSince1970: seconds))
    }

    /// A Message-ID with a space, one with brackets inside, one without `@`: dropped, the good ones and
    /// the parent kept (one such id made the header parser stop, and the reply lost its thread).
    @Test func malformedIdsAreLeftOutAndTheThreadIsKept() {
        let parent = message(2, messageID: "good3@mail.example",
                             references: ["good1@mail.example", "bad id@mail.example", "<nested>@mail.example", "noat",
                                          "good2@mail.example", String(repeating: "x", count: 300) + "@long.example"],
                             at: 2)
        #expect(ReplyThreading.references(replyingTo: parent) == ["good1@mail.example", "good2@mail.example", "good3@mail.example"])
    }

    @Test func theParentIsTheNewestMessageWithAUsableId() {
        let messages = [message(1, messageID: "first@mail.example", at: 1),
                        message(2, messageID: "has space@mail.example", at: 2),
                        message(3, messageID: nil, at: 3),
                        message(4, messageID: "note@x", direction: .note, at: 4)]
        #expect(ReplyThreading.parent(in: messages)?.id == 1)
        #expect(ReplyThreading.references(replyingTo: messages[0]) == ["first@mail.example"])
    }

    @Test func withoutReferencesTheParentsInReplyToStartsTheList() {
        let parent = message(2, messageID: "b@x.example", inReplyTo: "a@x.example", at: 2)
        #expect(ReplyThreading.references(replyingTo: parent) == ["a@x.example", "b@x.example"])
        let broken = message(2, messageID: "b@x.example", inReplyTo: "a x", at: 2)
        #expect(ReplyThreading.references(replyingTo: broken) == ["b@x.example"])
        #expect(ReplyThreading.references(replyingTo: nil).isEmpty)
    }
}
