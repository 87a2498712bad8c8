import Foundation

/// A draft on disk for the external editor that no other local user can read at any moment: a
/// folder made 0700 by `mkdtemp`, and in it a file created 0600 by `open(O_CREAT | O_EXCL)` before
/// its first byte is written. (`FileManager.createFile` wrote the text into a 0666 file in /tmp and
/// only then set its permissions.)
struct PrivateDraftFile {
    let folder: URL
    let url: URL
    /// The draft did not end with a newline and the file got one (taken off again by `read`).
    let addedNewline: Bool

    init(text: String) throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/rapport-draft-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ExternalEditor.EditorError("cannot make a private folder for the draft: \(String(cString: strerror(errno)))")
        }
        folder = URL(fileURLWithPath: String(cString: made))
        url = folder.appendingPathComponent("draft.txt")
        let fd = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            rmdir(folder.path)
            throw ExternalEditor.EditorError("cannot write the draft for the editor: \(reason)")
        }
        defer { close(fd) }
        // Ends with a newline, as editors expect: a line appended there starts on a line of its own.
        var bytes = Array(text.utf8)
        addedNewline = bytes.last != UInt8(ascii: "\n")
        if addedNewline { bytes.append(UInt8(ascii: "\n")) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                remove()
                throw ExternalEditor.EditorError("cannot write the draft for the editor: \(reason)")
            }
            offset += written
        }
    }

    /// The text as the editor left it, without the newline this file added.
    func read() -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if addedNewline, text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Removes the file and its folder (whatever the editor left beside it, such as a backup file).
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
