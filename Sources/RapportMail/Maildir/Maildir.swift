import Foundation

/// One message file in a Maildir, as the Maildir spec describes it.
public struct MaildirEntry: Sendable, Hashable {
    public enum Folder: String, Sendable { case new, cur }

    /// Absolute path of the file.
    public var path: String
    public var folder: Folder
    /// The name before the info part: stable while the file moves from new/ to cur/ and its flags change.
    public var uniqueName: String
    /// Flags of the `:2,` info part ("S" seen, "R" replied, "T" trashed…); empty in new/ or without info.
    public var flags: Set<Character>
    /// Size in bytes and modification time when the folder was listed (ingest cuts batches by size,
    /// and dates a message without a Date header by its delivery).
    public var size: Int = 0
    public var modified: Date = .distantPast

    /// Splits a file name into its unique part and its flags. Meaning comes only from the `:2,` info
    /// part: the unique name is an identifier and nothing is read from it.
    public static func split(fileName: String) -> (uniqueName: String, flags: Set<Character>) {
        guard let range = fileName.range(of: ":", options: .backwards) else { return (fileName, []) }
        let unique = String(fileName[..<range.lowerBound])
        let info = fileName[range.upperBound...]
        guard info.hasPrefix("2,") else { return (unique, []) }
        return (unique, Set(info.dropFirst(2).filter { $0.isLetter && $0.isUppercase }))
    }
}

/// Reads a Maildir without changing it: files are listed, never moved, renamed or deleted,
/// because the Maildir belongs to the program that delivers into it and to the reader's mail client.
public struct Maildir: Sendable {
    public var root: String

    public init(root: String) {
        self.root = (root as NSString).standardizingPath
    }

    /// Whether `root` looks like a Maildir (has cur/ and new/).
    public var isMaildir: Bool {
        var isDirectory: ObjCBool = false
        return [MaildirEntry.Folder.new, .cur].allSatisfy { folder in
            FileManager.default.fileExists(atPath: root + "/" + folder.rawValue, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// Every message file in new/ and cur/ (tmp/ holds deliveries in progress and is never read),
    /// skipping dot files, oldest delivery first (file modification time, then name), so a reply is
    /// normally stored after the message it answers whichever folder each one sits in.
    public func entries() throws -> [MaildirEntry] {
        guard isMaildir else {
            throw MaildirError("\(root) is not a Maildir (it needs cur/ and new/ folders)")
        }
        var result: [(modified: Double, entry: MaildirEntry)] = []
        for folder in [MaildirEntry.Folder.new, .cur] {
            let directory = root + "/" + folder.rawValue
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                let (unique, flags) = MaildirEntry.split(fileName: name)
                // The spec gives files in new/ no info part; if one has one anyway, it is ignored there.
                result.append((modified, MaildirEntry(path: path, folder: folder, uniqueName: unique,
                                                      flags: folder == .cur ? flags : [], size: Int(info.st_size),
                                                      modified: Date(timeIntervalSince1970: modified))))
            }
        }
        return result.sorted { ($0.modified, $0.entry.path) < ($1.modified, $1.entry.path) }.map(\.entry)
    }
}

public struct MaildirError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
