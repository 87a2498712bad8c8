import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport reply CONVERSATION`: queues a reply from the current agent (delivered by `rapport send`).
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Queue a reply to a conversation's customer (sent by `rapport send`).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64
    @Option(help: "The reply text; without it the text is read from standard input.") var text: String?
    @Flag(help: "Write to the customer alone: do not copy the people their last message in the conversation was to or copied to.")
    var noCc = false
    @Option(name: .customLong("remind-days"),
            help: "Remind me if no reply in N days: the conversation leaves the views and comes back to them, unread, unless the customer answers first.")
    var remindDays: Int?
    @Option(name: .customLong("attach"), help: ArgumentHelp(
        "A file to send with the reply (repeat for more); together at most mail.attachment_limit_mb (default 20 MB).",
        valueName: "FILE"))
    var attachments: [String] = []

    func validate() throws {
        if let remindDays, !(1...365).contains(remindDays) { throw ValidationError("--remind-days is 1 to 365") }
    }

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let body = text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let config = try global.config()
        let replies = Replies(store: store, limits: config.policy, afterReply: config.afterReply,
                              attachmentLimitMB: config.attachmentLimitMB)
        let files = try AttachedFiles.attachingAll(attachments, limitMB: config.attachmentLimitMB)
        let copied = noCc ? [] : try replies.recipients(conversation: conversation).cc
        let item = try PolicyRefusal.reporting("reply") {
            try replies.queue(conversation: conversation, agent: me.login, text: body, replyAll: !noCc, attachments: files)
        }
        say("queued \(item.id) to \(item.toAddress)" + (copied.isEmpty ? "" : ", cc \(copied.joined(separator: ", "))")
            + (files.isEmpty ? "" : " with " + files.map(\.name).joined(separator: ", ")))
        if let remindDays {
            let until = try Snoozes(store: store).remind(conversation, ifNoReplyInDays: remindDays)
            say("back in your views \(SnoozeCommand.local(until)) if \(item.toAddress) has not answered by then")
        }
    }
}
