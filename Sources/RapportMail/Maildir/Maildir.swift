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
    /// The Maildir the file was listed in (its standardised path).
    public var root: String = ""

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

    /// `root` as the file system names it (absolute, links resolved), so the files it holds are known
    /// by the same seen keys however the folder was typed (`Maildir`, `./Maildir`, `/home/sam/Maildir`).
    public init(root: String) {
        if let real = realpath(root, nil) {
            self.root = String(cString: real)
            free(real)
        } else {
            let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
            self.root = (absolute as NSString).standardizingPath
        }
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
        var result: [MaildirEntry] = []
        for folder in [MaildirEntry.Folder.new, .cur] {
            try forEachName(in: folder) { name in
                if let entry = entry(folder: folder, name: name) { result.append(entry) }
            }
        }
        return Self.deliveryOrder(result)
    }

    /// Oldest delivery first: modification time, then path.
    public static func deliveryOrder(_ entries: [MaildirEntry]) -> [MaildirEntry] {
        entries.sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
    }

    /// Calls `body` with the name of every file in a folder (regular files, or links to them; no dot
    /// files), in directory order. Reads the directory with readdir and trusts its file type, so a
    /// million names cost no stat call: only files not seen before are stat'ed (`entry`).
    public func forEachName(in folder: MaildirEntry.Folder, _ body: (String) throws -> Void) throws {
        let directory = root + "/" + folder.rawValue
        guard let handle = opendir(directory) else {
            throw MaildirError("cannot read \(directory): \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        while let item = readdir(handle) {
            let type = item.pointee.d_type
            let name = withUnsafePointer(to: &item.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            if type == UInt8(DT_REG) {
                try body(name)
            } else if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                if regularFileInside(directory + "/" + name) != nil { try body(name) }
            }
        }
    }

    /// The entry for a file name in a folder, with its size and modification time; nil when it is
    /// gone or not a regular file.
    public func entry(folder: MaildirEntry.Folder, name: String) -> MaildirEntry? {
        sizeAndModification(folder: folder, name: name).map { size, modified in
            entry(folder: folder, name: name, size: size, modifiedNanoseconds: modified)
        }
    }

    /// A file's size and modification time (nanoseconds since 1970); nil when it is gone or not a regular file.
    public func sizeAndModification(folder: MaildirEntry.Folder, name: String) -> (size: Int, modified: Int64)? {
        guard let info = regularFileInside(root + "/" + folder.rawValue + "/" + name) else { return nil }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The file's status when it is a regular file, or a link to one that stays inside this Maildir.
    /// A link out of it (`new/1 -> ~/.ssh/id_ed25519`, planted by whoever can write the Maildir) is
    /// never followed: its target would be stored and shown as a customer's message.
    func regularFileInside(_ path: String) -> stat? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = realpath(path, nil) else { return nil }
            defer { free(target) }
            guard let base = realpath(root, nil) else { return nil }
            defer { free(base) }
            guard String(cString: target).hasPrefix(String(cString: base) + "/"), stat(path, &info) == 0 else { return nil }
        }
        return info.st_mode & S_IFMT == S_IFREG ? info : nil
    }

    /// The entry for a file whose size and modification time are already known.
    public func entry(folder: MaildirEntry.Folder, name: String, size: Int, modifiedNanoseconds: Int64) -> MaildirEntry {
        let (unique, flags) = MaildirEntry.split(fileName: name)
        // The spec gives files in new/ no info part; if one has one anyway, it is ignored there.
        return MaildirEntry(path: root + "/" + folder.rawValue + "/" + name, folder: folder, uniqueName: unique,
                            flags: folder == .cur ? flags : [], size: size,
                            modified: Date(timeIntervalSince1970: Double(modifiedNanoseconds) / 1e9), root: root)
    }

    /// A folder's modification time in nanoseconds: it changes whenever a file arrives, leaves or is
    /// renamed (flags) in it. Nil when it cannot be read.
    public func modification(of folder: MaildirEntry.Folder) -> Int64? {
        var info = stat()
        guard stat(root + "/" + folder.rawValue, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}

extension MaildirEntry {
    /// The unique part of a file name (before the last `:`), as `split` finds it, without building flags.
    public static func uniqueName(of fileName: String) -> Substring {
        guard let colon = fileName.utf8.lastIndex(of: UInt8(ascii: ":")) else { return fileName[...] }
        return fileName[..<colon]
    }
}

public struct MaildirError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
