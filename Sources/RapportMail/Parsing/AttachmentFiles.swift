import Foundation
import RapportCore

/// The bytes of a stored message's attachments, read again from its mail file: the store keeps only
/// their names, types and sizes (`message.attachments`) and the file's path (`source_path`).
public enum AttachmentFiles {
    /// Saves attachment `number` (1-based, as listed) of the message in `file` into `directory` under a
    /// safe name that is not taken yet (created with O_EXCL, so nothing is ever overwritten); returns its path.
    /// `expected` is what the store listed; a file that no longer lists the same attachment is refused.
    public static func save(from file: String, number: Int, expected: AttachmentInfo, into directory: String,
                            limits: ParseLimits = .standard) throws -> String {
        let document: GMimeDocument
        do { document = try GMimeDocument(path: file) } catch {
            throw RapportError.invalid("cannot read the message file \(file): \(error.reason)")
        }
        let (leaves, _) = document.leaves(maxDepth: limits.depth, maxParts: limits.parts)
        let listed = MessageParser.attachmentLeaves(leaves, body: MessageParser.chooseBody(leaves))
        guard listed.indices.contains(number - 1) else {
            throw RapportError.invalid("the message file no longer has attachment \(number)")
        }
        let leaf = listed[number - 1]
        guard leaves[leaf].contentType == expected.contentType else {
            throw RapportError.invalid("the message file has changed: attachment \(number) is not \(expected.contentType) any more")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw RapportError.invalid("no such folder: \(directory)")
        }
        let name = AttachmentName.safe(expected.filename, number: number)
        for attempt in 1...1000 {
            let path = (directory as NSString).appendingPathComponent(AttachmentName.candidate(name, attempt: attempt))
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw RapportError.invalid("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            let written = document.write(leaf: leaf, to: fd)
            close(fd)
            guard written else {
                unlink(path)
                throw RapportError.invalid("cannot write \(path) (disk full, or the part has no content)")
            }
            return path
        }
        throw RapportError.invalid("\(name) and 999 numbered copies already exist in \(directory)")
    }
}
