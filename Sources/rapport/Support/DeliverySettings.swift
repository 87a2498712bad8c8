import Foundation
import RapportApp
import RapportCore
import RapportMail
import RapportRuntime

/// How outbound mail leaves, resolved the same way for `rapport send` and the inbox:
/// the command-line flag, else `$RAPPORT_SENDMAIL`, else the config file's `[mail] sendmail`
/// (whose default is `/usr/sbin/sendmail -t -oi`); the Sent Maildir likewise from
/// `--sent-maildir`, `$RAPPORT_SENT_MAILDIR`, `[mail] sent_maildir`.
struct DeliverySettings: Sendable {
    var command: [String]
    var sentMaildir: String?
    /// `[mail] legal_footer`, appended to every outgoing message.
    var legalFooter: String?

    static func resolve(sendmail flag: String? = nil, sentMaildir sentFlag: String? = nil,
                        environment: [String: String] = ProcessInfo.processInfo.environment,
                        config: RapportConfig) -> DeliverySettings {
        let line = [flag, environment["RAPPORT_SENDMAIL"]].compactMap { $0 }.first { !$0.isEmpty }
        let command = line.map { SendmailTransport(commandLine: $0).command } ?? config.sendmailCommand
        let sent = [sentFlag, environment["RAPPORT_SENT_MAILDIR"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? ConfigPaths(environment: environment).expandingTilde(config.sentMaildir)
        return DeliverySettings(command: command, sentMaildir: sent.isEmpty ? nil : sent, legalFooter: config.legalFooter)
    }

    var transport: SendmailTransport { SendmailTransport(command: command) }

    /// The delivery use case with these settings.
    func delivery(store: any OutboxStore) -> Delivery {
        var delivery = Delivery(store: store, transport: transport, sentMaildir: sentMaildir)
        delivery.legalFooter = legalFooter
        return delivery
    }

    func background(outbox: any OutboxStore) -> BackgroundDelivery {
        BackgroundDelivery(delivery: delivery(store: outbox))
    }
}
