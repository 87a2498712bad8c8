import Foundation

/// stdout or stderr, written with write(2). Output into a closed pipe (`rapport conversations | head -1`)
/// ends the command quietly with status 0: the reader has all it wanted. A closed stderr only silences
/// the messages (an ingest's progress must not stop the ingest). (Foundation's `FileHandle.write` traps
/// on EPIPE.)
struct StandardStream {
    let descriptor: Int32

    static let output = StandardStream(descriptor: STDOUT_FILENO)
    static let error = StandardStream(descriptor: STDERR_FILENO)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 { offset += written; continue }
                if written < 0 && errno == EINTR { continue }
                if written < 0 && errno == EPIPE {
                    if descriptor == STDOUT_FILENO { exit(0) }
                    return
                }
                return   // another error (a full disk): nothing more can be said on this stream
            }
        }
    }
}
