import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportMail

/// `rapport attachment list|save`: a stored message's attachments, read again from its mail file.
struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment", abstract: "List or save the attachments of a message (ids from `rapport show`).",
        subcommands: [List.self, Save.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a message's attachments by number.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message id.") var message: Int64
        @OptionGroup var output: ListingOutput

        func run() throws {
            let store = try global.openStore()
            _ = try global.currentAgent(store)
            let m = try Conversations(store: store).message(message)
            if output.json { return printJSON(AttachmentJSON.list(m.attachments)) }
            for (i, a) in m.attachments.enumerated() { say("\(i + 1)\t\(ShowCommand.describe(a))") }
        }
    }

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "save",
            abstract: "Save one attachment into a folder (default ~/Downloads) under a safe name, never overwriting.",
            discussion: """
                The name is the sender's made safe: no path separators or control characters, no leading dots \
                or dashes; when it is taken, " (2)", " (3)"… is added before the extension. The bytes are read \
                again from the message's mail file, which must still be where it was filed.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message id.") var message: Int64
        @Argument(help: "The attachment's number (1 is the first).") var number: Int
        @Option(help: "The folder to save into (default ~/Downloads).") var to: String?

        func run() throws {
            let store = try global.openStore()
            _ = try global.currentAgent(store)
            let m = try Conversations(store: store).message(message)
            guard m.attachments.indices.contains(number - 1) else {
                throw RapportError.invalid("message \(message) has \(m.attachments.count) attachment(s); there is no number \(number)")
            }
            guard let file = m.sourcePath else {
                throw RapportError.invalid("message \(message) was not filed from a mail file, so its attachments cannot be read")
            }
            let folder = to ?? (NSHomeDirectory() as NSString).appendingPathComponent("Downloads")
            let path = try AttachmentFiles.save(from: file, number: number, expected: m.attachments[number - 1], into: folder)
            say("saved \(path)")
        }
    }
}
