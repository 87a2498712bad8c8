import Foundation
import RapportCore

/// Files on this machine attached to a reply: checked when attached (Ctrl-O, `--attach`) and read
/// when the reply is queued, so what goes out is the file as it is then, within the same limit.
public enum AttachedFiles {
    /// The file at `path` as an attachment after `current`, or a refusal saying why: not there, not a
    /// plain file, unreadable, empty, or over the limit together with the others (`AttachmentRule`).
    public static func attach(_ path: String, to current: [DraftAttachment], limitMB: Int) throws -> DraftAttachment {
        let path = ConfigPaths().expandingTilde(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RapportError.invalid("no file at \(path)")
        }
        guard !isFolder.boolValue, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            throw RapportError.invalid("\(path) is not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else { throw RapportError.invalid("\(path) cannot be read") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let name = AttachmentName.safe((path as NSString).lastPathComponent, number: current.count + 1)
        if let problem = AttachmentRule.problem(adding: size, name: name, to: current, limitMB: limitMB) {
            throw RapportError.invalid(problem)
        }
        return DraftAttachment(path: path, name: name, size: size)
    }

    /// Several files in turn (`--attach` given more than once); a relative path is from the working folder.
    public static func attachingAll(_ paths: [String], limitMB: Int) throws -> [DraftAttachment] {
        try paths.reduce(into: []) { files, path in
            files.append(try attach(URL(fileURLWithPath: ConfigPaths().expandingTilde(path)).path, to: files, limitMB: limitMB))
        }
    }

    /// The files' bytes as they are now, checked again against the limit (a file may have grown).
    public static func read(_ attachments: [DraftAttachment], limitMB: Int) throws -> [OutgoingAttachment] {
        var checked: [DraftAttachment] = []
        return try attachments.map { attachment in
            guard let data = FileManager.default.contents(atPath: attachment.path) else {
                throw RapportError.invalid("the attached file \(attachment.path) can no longer be read; remove it (Ctrl-X) or put it back")
            }
            let now = DraftAttachment(path: attachment.path, name: attachment.name, size: data.count)
            if let problem = AttachmentRule.problem(adding: data.count, name: attachment.name, to: checked, limitMB: limitMB) {
                throw RapportError.invalid(problem)
            }
            checked.append(now)
            return OutgoingAttachment(name: attachment.name, contentType: AttachmentRule.contentType(forName: attachment.name), data: data)
        }
    }
}
