import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport note CONVERSATION`: adds an internal note (never sent), as `n` in the inbox does; the
/// agents it mentions (`@login`, `@FirstName`) see it in "For you".
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add an internal note to a conversation (never sent to the customer); @login or @FirstName tells that agent.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64
    @Option(help: "The note's text; without it the text is read from standard input.") var text: String?

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let body = (text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw RapportError.invalid("a note needs some text") }
        let drafts = Drafts(store: store)
        let note = try drafts.addNote(conversation, by: me, text: body)
        let told = try drafts.mentioned(in: body, by: me)
        say("note \(note.id) added to conversation \(conversation)" + (told.isEmpty ? "" : "; told \(told.joined(separator: ", "))"))
    }
}
