import ArgumentParser
import Foundation
import RapportCore
import RapportMail

/// `rapport parse FILE [--json]`: shows how Rapport reads one message file. Touches no store.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Show how Rapport reads one message file (headers, text, attachments).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "An RFC 5322 message file, e.g. one from a Maildir's cur/ or new/.") var file: String
    @Flag(help: "Print the parsed message as one JSON document.") var json = false

    func run() throws {
        let message: ParsedMessage
        do {
            message = try MessageParser.parse(file: file)
        } catch {
            throw RapportError.invalid("\(file): \(error.reason)")
        }
        if json { return printJSON(message) }
        say("From:        \(Self.show(message.from))")
        say("To:          \(message.to.map(Self.show).joined(separator: ", "))")
        if !message.cc.isEmpty { say("Cc:          \(message.cc.map(Self.show).joined(separator: ", "))") }
        if !message.replyTo.isEmpty { say("Reply-To:    \(message.replyTo.map(Self.show).joined(separator: ", "))") }
        say("Subject:     \(SafeText.safe(message.subject ?? ""))")
        say("Date:        \(message.isoDate ?? "—")")
        say("Message-ID:  \(SafeText.safe(message.messageID ?? "—"))")
        if let inReplyTo = message.inReplyTo { say("In-Reply-To: \(SafeText.safe(inReplyTo))") }
        for attachment in message.attachments {
            say("Attachment:  \(SafeText.safe(attachment.filename ?? "(no name)")) \(attachment.contentType) \(attachment.size) bytes")
        }
        for warning in message.warnings { say("Note:        \(warning)") }
        say("")
        say(SafeText.safe(message.text ?? "(no text)", keepNewlines: true))
    }

    private static func show(_ mailbox: Mailbox?) -> String {
        guard let mailbox else { return "—" }
        let address = mailbox.address ?? "?"
        return SafeText.safe(mailbox.name.map { "\($0) <\(address)>" } ?? address)
    }
}
