import Foundation
import RapportCore
@testable import RapportTUI

/// Rows with the awkward cases: an escape sequence in a subject, CJK, emoji, an unassigned
/// customer, every status, a long subject.
let listRows = [
    row(1, name: "Ada Lovelace", owner: maria, minutesAgo: 1, subject: "Invoice \u{1B}[31mred\u{1B}[0m question", unread: true),
    row(2, name: "Charles Babbage", owner: bob, status: .pending, minutesAgo: 200, subject: "Re: difference engine"),
    row(3, name: "東京 太郎", owner: nil, minutesAgo: 3000, subject: "会議の件について 👍🏽 thanks"),
    row(4, name: "Alan Turing", owner: maria, status: .closed, minutesAgo: 90000,
        subject: "A very long subject line that will certainly not fit into the row at all"),
]

/// A conversation with Ada: her message, Maria's reply, and an internal note, opened from the list.
func threadState(width: Int, height: Int) -> AppState {
    var state = loadedState(listRows, width: width, height: height)
    _ = update(&state, .key(.enter))
    let ada = Customer(id: 10, firstName: "Ada", lastName: "Lovelace", owner: "maria",
                       addresses: ["ada@example.com"], created: Date(timeIntervalSince1970: 1_600_000_000), isExisting: true)
    let conversation = Conversation(id: 1, customerID: 10, subject: "Invoice question", status: .open, lastActivity: now)
    func message(_ id: MessageRowID, _ direction: MessageDirection, author: String?, from: String, minutesAgo: Int, _ text: String) -> Message {
        Message(id: id, conversationID: 1, direction: direction, author: author, from: from, to: ["ada@example.com"],
                subject: "Invoice question", text: text, messageID: nil, inReplyTo: nil, references: [],
                date: now.addingTimeInterval(Double(-60 * minutesAgo)))
    }
    let messages = [
        message(1, .inbound, author: nil, from: "Ada Lovelace <ada@example.com>", minutesAgo: 120,
                "Hello,\r\nmy invoice shows \u{1B}]0;pwned\u{07} twice the amount.\r\nCan you check?"),
        message(2, .outbound, author: "maria", from: "maria@example.com", minutesAgo: 60, "Hi Ada,\nI'll look now.\nMaria"),
        message(3, .note, author: "maria", from: "maria@example.com", minutesAgo: 30, "Billing double-charged her; refund filed."),
    ]
    let handoff = Assignment(customerID: 10, from: "bob", to: "maria", by: "maria", note: "Prefers email", at: Date(timeIntervalSince1970: 1_690_000_000))
    let profile = CustomerProfile(customer: ada, owner: maria, lastContact: now.addingTimeInterval(-1800), referredBy: nil,
                                  referrals: [], lastHandoff: handoff, upcomingEvents: [])
    _ = update(&state, .threadLoaded(ThreadData(conversation: conversation, messages: messages, profile: profile)))
    return state
}
