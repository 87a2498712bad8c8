import Foundation

/// What a store remembers about Maildir folders between ingest runs, so a run can skip a folder
/// that has not changed since a complete earlier run without listing it (as `notmuch new` does).
/// Part of what `MailIngester` requires of a store (and of `StorePort`); a store with nothing to
/// remember returns no stamps, and every folder is then listed in full.
public protocol IngestFolderStamps: Sendable {
    /// The stamps recorded for these folder paths (absent when none was).
    func folderStamps(_ folders: [String]) throws -> [String: FolderStamp]
    /// Records stamps after a run that handled every file of those folders.
    func recordFolderStamps(_ stamps: [String: FolderStamp]) throws
}

/// A folder's modification time when it was listed, and how many files it then held.
public struct FolderStamp: Sendable, Hashable {
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var files: Int

    public init(modified: Int64, files: Int) {
        self.modified = modified
        self.files = files
    }
}
