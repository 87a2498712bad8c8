import Foundation

/// A file attached to a draft: where it is on this machine, what it is called, what it weighed when
/// attached. Its bytes are read when the reply is queued (and go into the store with it, so whichever
/// machine delivers the reply has them).
public struct DraftAttachment: Sendable, Hashable, Codable {
    public var path: String
    /// The name the customer sees: the file's own name, made safe (`AttachmentName`).
    public var name: String
    public var size: Int

    public init(path: String, name: String, size: Int) {
        self.path = path
        self.name = name
        self.size = size
    }
}

/// A file as it goes out with a reply: its name, its type, its bytes.
public struct OutgoingAttachment: Sendable, Hashable {
    public var name: String
    public var contentType: String
    public var data: Data

    public init(name: String, contentType: String, data: Data) {
        self.name = name
        self.contentType = contentType
        self.data = data
    }

    /// What the thread and `rapport show` list for it.
    public var info: AttachmentInfo { AttachmentInfo(filename: name, contentType: contentType, size: data.count) }
}

/// The rules for attaching files to a reply.
public enum AttachmentRule {
    /// Refused: a total over `limitMB` megabytes (the config's `mail.attachment_limit_mb`), or an empty file.
    public static func problem(adding size: Int, name: String, to current: [DraftAttachment], limitMB: Int) -> String? {
        if size == 0 { return "\(name) is empty" }
        let total = current.reduce(0) { $0 + $1.size } + size
        let limit = limitMB * 1_000_000
        guard total <= limit else {
            return "\(name) (\(sizeText(size))) would make the attachments \(sizeText(total)), over the limit of \(limitMB) MB "
                + "(mail.attachment_limit_mb)"
        }
        return nil
    }

    /// The MIME type a file goes out as, from its extension; anything else is plain bytes.
    public static func contentType(forName name: String) -> String {
        let types = ["pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                     "gif": "image/gif", "webp": "image/webp", "txt": "text/plain", "csv": "text/csv",
                     "html": "text/html", "zip": "application/zip", "json": "application/json",
                     "doc": "application/msword", "xls": "application/vnd.ms-excel",
                     "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
                     "ics": "text/calendar", "eml": "message/rfc822"]
        return types[(name as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }

    /// "1.2 MB", "340 KB", "12 bytes".
    public static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
        return "\(bytes) bytes"
    }
}
