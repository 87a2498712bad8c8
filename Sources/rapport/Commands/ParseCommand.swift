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
        say("Subject:     \(Terminal.safe(message.subject ?? ""))")
        say("Date:        \(message.isoDate ?? "—")")
        say("Message-ID:  \(Terminal.safe(message.messageID ?? "—"))")
        if let inReplyTo = message.inReplyTo { say("In-Reply-To: \(Terminal.safe(inReplyTo))") }
        for attachment in message.attachments {
            say("Attachment:  \(Terminal.safe(attachment.filename ?? "(no name)")) \(attachment.contentType) \(attachment.size) bytes")
        }
        for warning in message.warnings { say("Note:        \(warning)") }
        say("")
        say(Terminal.safe(message.text ?? "(no text)", keepNewlines: true))
    }

    private static func show(_ mailbox: Mailbox?) -> String {
        guard let mailbox else { return "—" }
        let address = mailbox.address ?? "?"
        return Terminal.safe(mailbox.name.map { "\($0) <\(address)>" } ?? address)
    }
}

/// Customer text never reaches a terminal with its control characters (escape sequences).
enum Terminal {
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if keepNewlines && (scalar == "\n" || scalar == "\t") { return scalar }
            let value = scalar.value
            return value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) ? "\u{FFFD}" : scalar
        }))
    }
}
