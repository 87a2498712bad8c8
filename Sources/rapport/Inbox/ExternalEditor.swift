import Foundation
import RapportTUI

/// Hands a draft to the agent's own editor: `$VISUAL`, else `$EDITOR`, else `vi`.
///
/// The text goes to a private temporary file (`PrivateDraftFile`); the screen is given back to the terminal while
/// the editor runs and taken again afterwards, whatever happened. The editor command is run by
/// `/bin/sh` as git does (so `EDITOR="code --wait"` works), with the file as `"$1"`, never
/// pasted into the command line.
enum ExternalEditor {
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Returns the text as the editor left it; throws when it could not run or exited with an error.
    static func edit(_ text: String, screen: any Screen) throws -> String {
        let draft = try PrivateDraftFile(text: text)
        defer { draft.remove() }
        let file = draft.url
        let editor = command()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "rapport-editor", file.path]
        screen.suspend()
        defer { screen.resume() }
        do {
            try process.run()
        } catch {
            throw EditorError("cannot run \(editor): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw EditorError("\(editor) exited with status \(process.terminationStatus); the draft is as it was")
        }
        guard let edited = draft.read() else {
            throw EditorError("the edited file is gone; the draft is as it was")
        }
        return edited
    }

    struct EditorError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
