import ArgumentParser
import Foundation
import RapportCore
import RapportMail

/// `rapport reply CONVERSATION`: queues a reply from the current agent (delivered by `rapport send`).
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Queue a reply to a conversation's customer (sent by `rapport send`).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64
    @Option(help: "The reply text; without it the text is read from standard input.") var text: String?

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let body = text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let item = try store.queueReply(conversation: conversation, agent: me.login, text: body, at: Date())
        say("queued \(item.id) to \(item.toAddress)")
    }
}

/// `rapport send`: delivers the outbox through a sendmail-compatible command.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Deliver queued replies through sendmail (default: /usr/sbin/sendmail -t -oi).",
        discussion: """
            Failed deliveries keep their reason and are retried by the next run. A reply found in `sending`
            (a run was interrupted) is reported and never sent again silently: resolve it with
            --resend ID or --mark-sent ID.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The sendmail-compatible command, run without a shell (default: $RAPPORT_SENDMAIL, else the config's [mail] sendmail, else /usr/sbin/sendmail -t -oi).")
    var sendmail: String?
    @Option(help: "A Maildir that receives a copy of each sent message (default: $RAPPORT_SENT_MAILDIR, else the config's [mail] sent_maildir).")
    var sentMaildir: String?
    @Option(help: "Put an item left in sending back in the queue, then deliver.") var resend: Int64?
    @Option(help: "Record that an item left in sending did go out.") var markSent: Int64?
    @Flag(help: "Print {\"sent\", \"failed\", \"needs_attention\", \"warnings\"} as JSON.") var json = false

    func run() throws {
        let store = try global.openStore()
        let env = ProcessInfo.processInfo.environment
        if let id = resend { try store.resolveSending(id, to: .queued, at: Date()) }
        if let id = markSent { try store.resolveSending(id, to: .sent, at: Date()) }
        let settings = DeliverySettings.resolve(sendmail: sendmail, sentMaildir: sentMaildir, environment: env,
                                                config: try global.config())
        let report = try OutboxSender(store: store, transport: settings.transport, sentMaildir: settings.sentMaildir).run()
        if json {
            printJSON(report)
        } else {
            for entry in report.sent { say("sent \(entry.id) to \(entry.to)") }
            for entry in report.failed {
                FileHandle.standardError.write(Data("rapport: \(entry.id) to \(entry.to) failed: \(entry.error ?? "")\n".utf8))
            }
            for entry in report.needsAttention {
                FileHandle.standardError.write(Data("rapport: \(entry.id) to \(entry.to) \(entry.error ?? ""); resolve with --resend \(entry.id) or --mark-sent \(entry.id)\n".utf8))
            }
            for warning in report.warnings { FileHandle.standardError.write(Data("rapport: \(warning)\n".utf8)) }
            say("sent \(report.sent.count), failed \(report.failed.count), needs attention \(report.needsAttention.count)")
        }
        if !report.failed.isEmpty || !report.needsAttention.isEmpty { throw ExitCode(1) }
    }
}
