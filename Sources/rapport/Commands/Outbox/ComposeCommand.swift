import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport compose --to EMAIL --subject S [--text T]`: starts a new conversation with a known customer
/// and queues its first message (delivered by `rapport send`), under the rules of a reply.
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Start a new conversation with a customer: queue its first message (sent by `rapport send`).",
        discussion: """
            The customer must be known (`rapport customer add`) and looked after by you; the message must pass \
            the reply policy, as a reply does. It goes out under the subject as typed (no "Re:").
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Any of the customer's addresses.") var to: String
    @Option(help: "The new conversation's subject.") var subject: String
    @Option(help: "The message text; without it the text is read from standard input.") var text: String?
    @Option(name: .customLong("attach"), help: ArgumentHelp(
        "A file to send with the message (repeat for more); together at most mail.attachment_limit_mb (default 20 MB).",
        valueName: "FILE"))
    var attachments: [String] = []

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        guard let customer = try Customers(store: store).lookUp(email: to) else {
            throw RapportError.invalid("no customer has the address \(to); add them first with `rapport customer add`")
        }
        let body = text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let config = try global.config()
        let replies = Replies(store: store, limits: config.policy, afterReply: config.afterReply,
                              attachmentLimitMB: config.attachmentLimitMB)
        let files = try AttachedFiles.attachingAll(attachments, limitMB: config.attachmentLimitMB)
        let item = try PolicyRefusal.reporting("message") {
            try replies.start(customer: customer.id, agent: me.login, subject: subject, text: body, attachments: files)
        }
        say("queued \(item.id) to \(item.toAddress) in new conversation \(item.conversationID)")
    }
}
