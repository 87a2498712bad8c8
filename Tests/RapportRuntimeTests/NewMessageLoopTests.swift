import Foundation
import RapportCore
import RapportMail
import RapportRuntime
import RapportStore
import RapportTUI
import Testing
import TestSupport

@Suite("In-memory inbox: m starts a new conversation with one of my customers")
struct NewMessageLoopTests {
    func inbox(_ fixture: InboxFixture) -> (Inbox, BackgroundDelivery) {
        let delivery = BackgroundDelivery(outbox: fixture.store, transport: SendmailTransport(command: ["/bin/sh", "-c", "cat > /dev/null"]), sentMaildir: nil)
        let services = ComposerServices(outbox: fixture.store, templates: TemplateLibrary(shipped: []), delivery: delivery)
        return (fixture.inbox(composer: services), delivery)
    }

    @Test("m, a customer, a subject: the composer says Message, Ctrl-S queues it under its own subject and says so")
    func newMessage() throws {
        let fixture = try InboxFixture()
        var (inbox, delivery) = inbox(fixture)
        inbox.press(.char("m"))
        #expect(inbox.text.contains("New message to…"), "\(inbox.text)")
        inbox.type("dan")
        #expect(inbox.text.contains("Dana Whitfield  dana@example.org"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("Subject of a new conversation with Dana Whitfield"), "\(inbox.text)")
        inbox.press(.enter)
        #expect(inbox.text.contains("A new conversation needs a subject"), "\(inbox.text)")
        inbox.type("Your new card")
        inbox.press(.enter)
        #expect(inbox.text.contains("Message to Dana Whitfield"), "\(inbox.text)")
        #expect(!inbox.text.contains("Reply to"), "\(inbox.text)")
        for (i, line) in ["Hi Dana,", "", "Your new card is in the post; tell me when it arrives?", "", "Sam"].enumerated() {
            if i > 0 { inbox.press(.enter) }
            inbox.type(line)
        }
        inbox.press(.ctrl("s"))
        delivery.waitUntilIdle()
        inbox.settle()   // "Message to Dana queued…", then the delivery's result
        #expect(inbox.text.contains("Message to Dana sent to dana@example.org"), "\(inbox.text)")
        let item = try #require(try fixture.store.outbox(states: Set(OutboxState.allCases)).first)
        let conversation = try #require(try fixture.store.conversation(id: item.conversationID))
        #expect(conversation.subject == "Your new card")
        let message = try #require(try fixture.store.messages(conversation: conversation.id).first)
        #expect(message.subject == "Your new card" && message.inReplyTo == nil)
    }

    @Test("someone else's customer or one nobody owns is refused at the picker; a left draft stays listed in Mine")
    func refusalsAndLeftDrafts() throws {
        let fixture = try InboxFixture()
        var (inbox, _) = inbox(fixture)
        inbox.press(.char("m"))
        inbox.type("farah")
        inbox.press(.enter)
        #expect(inbox.text.contains("Farah Whitfield is looked after by Priya: only they write to them"), "\(inbox.text)")
        #expect(inbox.text.contains("New message to…"), "the picker stays open for another choice: \(inbox.text)")
        inbox.press(.escape)
        inbox.press(.char("m"))
        inbox.type("eli")
        inbox.press(.enter)
        #expect(inbox.text.contains("Eli Whitfield has no owner yet: take them first"), "\(inbox.text)")
        inbox.press(.escape)

        inbox.press(.char("m"))
        inbox.type("dana")
        inbox.press(.enter)
        inbox.type("Card follow-up")
        inbox.press(.enter)
        inbox.type("Hi Dana,")
        inbox.press(.escape)           // leave the editor: the draft is kept
        inbox.press(.char("q"))        // back to the list
        #expect(inbox.text.contains("Card follow-up"), "the new conversation with its draft is in Mine: \(inbox.text)")
    }
}
