import Foundation
import RapportApp
import RapportCore
import Testing
@testable import RapportStore

@Suite("Replies: who the reply goes to and who is copied")
struct ReplyRecipientsUseCaseTests {
    /// Dana wrote to Sam, copying Alex and Priya (an agent), with the team address in To.
    func danaCopiedAlex(_ f: AppFixture) throws -> ConversationID {
        let id = try f.conversation(try f.customer())
        try f.store.appendMessage(NewMessage(
            conversationID: id, direction: .inbound, from: "dana@example.org", to: ["sam@example.com", "alex@home.example"],
            cc: ["priya@example.com", "Kim@Home.example"], subject: "Renewal", text: "Hello", messageID: "q1@example.org",
            date: f.now.addingTimeInterval(-3600)))
        return id
    }

    @Test("the reply copies the other people of the customer's last message, never an agent; reply-all off copies nobody")
    func replyAll() throws {
        let f = try AppFixture()
        let id = try danaCopiedAlex(f)
        let replies = Replies(store: f.store, clock: { f.now })
        #expect(try replies.recipients(conversation: id) == ReplyRecipients(to: "dana@example.org", cc: ["alex@home.example", "kim@home.example"]))
        try replies.queue(conversation: id, agent: "sam", text: personalReply())
        let sent = try #require(try f.store.messages(conversation: id).last)
        #expect(sent.to == ["dana@example.org"] && sent.cc == ["alex@home.example", "kim@home.example"])
        try f.store.setStatus(.open, conversation: id)
        try replies.queue(conversation: id, agent: "sam", text: personalReply(), replyAll: false)
        #expect(try f.store.messages(conversation: id).last?.cc == [])
    }

    @Test("a web form's message: the reply goes to the person in Reply-To, not the no-reply sender")
    func replyToPerson() throws {
        let f = try AppFixture()
        let ann = try f.customer("Ann", email: "ann.lee@lee.example")
        let id = try f.conversation(ann)
        try f.store.appendMessage(NewMessage(
            conversationID: id, direction: .inbound, from: "no-reply@forms.example", to: ["sam@example.com"],
            replyTo: ["ann.lee@lee.example"], subject: "Contact form", text: "Call me", messageID: "f1@forms.example",
            date: f.now.addingTimeInterval(-600)))
        let item = try Replies(store: f.store, clock: { f.now })
            .queue(conversation: id, agent: "sam", text: personalReply(to: "Ann"))
        #expect(item.toAddress == "ann.lee@lee.example")
        #expect(try f.store.messages(conversation: id).last?.cc == [])
    }

    @Test("a customer known only at a no-reply address cannot be answered: a clear refusal, nothing written")
    func noHumanAddress() throws {
        let f = try AppFixture()
        let form = try f.customer("Website", email: "no-reply@forms.example")
        let id = try f.conversation(form)
        try f.inbound(id, from: "no-reply@forms.example", id: "f2@forms.example", hoursAgo: 1)
        let before = try f.replyRows()
        #expect(throws: RapportError.noHumanAddress(customer: "Website Whitfield", address: "no-reply@forms.example")) {
            try Replies(store: f.store, clock: { f.now }).queue(conversation: id, agent: "sam", text: personalReply(to: "Website"))
        }
        #expect(try f.replyRows() == before)
    }
}
