import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportMail

/// `rapport send`: delivers the outbox through a sendmail-compatible command.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Deliver queued replies through sendmail (default: /usr/sbin/sendmail -t -oi).",
        discussion: """
            A delivery the mail system did not take (sendmail could not run, or exited with a failure status)
            keeps its reason and is retried by the next run. One it may have taken (sendmail killed part-way)
            needs a decision, as does a reply left in `sending` by a run that died: they are reported and never
            sent again silently; resolve them with --resend ID or --mark-sent ID. A reply another sender is
            delivering right now is left alone, and --resend refuses it.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The sendmail-compatible command, run without a shell (default: $RAPPORT_SENDMAIL, else the config's [mail] sendmail, else /usr/sbin/sendmail -t -oi).")
    var sendmail: String?
    @Option(help: "A Maildir that receives a copy of each sent message (default: $RAPPORT_SENT_MAILDIR, else the config's [mail] sent_maildir).")
    var sentMaildir: String?
    @Option(help: "Put a failed item, one needing a decision or one left in sending back in the queue, then deliver.") var resend: Int64?
    @Option(help: "Record that a failed item, one needing a decision or one left in sending did go out.") var markSent: Int64?
    @Flag(help: "Print {\"sent\", \"failed\", \"needs_attention\", \"warnings\", \"stopped\"} as JSON.") var json = false

    func run() throws {
        let store = try global.openStore()
        let env = ProcessInfo.processInfo.environment
        let settings = DeliverySettings.resolve(sendmail: sendmail, sentMaildir: sentMaildir, environment: env,
                                                config: try global.config())
        let delivery = settings.delivery(store: store)
        if let id = resend { try delivery.resolve(id, as: .queued) }
        if let id = markSent { try delivery.resolve(id, as: .sent) }
        let report = try delivery.run()
        if json {
            printJSON(report)
        } else {
            for entry in report.sent { say("sent \(entry.id) to \(entry.to)") }
            for entry in report.failed {
                complain("rapport: \(entry.id) to \(entry.to) failed: \(entry.error ?? "")")
            }
            for entry in report.needsAttention {
                complain("rapport: \(entry.id) to \(entry.to) \(entry.error ?? ""); resolve with --resend \(entry.id) or --mark-sent \(entry.id)")
            }
            for warning in report.warnings { complain("rapport: \(warning)") }
            if let stopped = report.stopped { complain("rapport: stopped before the end of the queue: \(stopped)") }
            say("sent \(report.sent.count), failed \(report.failed.count), needs attention \(report.needsAttention.count)")
        }
        if !report.failed.isEmpty || !report.needsAttention.isEmpty || report.stopped != nil { throw ExitCode(1) }
    }
}
