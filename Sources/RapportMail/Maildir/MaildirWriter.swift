import Foundation

/// Delivers a message into a Maildir the way the spec asks: write into tmp/ under a unique name,
/// fsync, then rename into new/, so a reader never sees a half-written file.
public struct MaildirWriter: Sendable {
    public var maildir: Maildir

    public init(root: String) {
        maildir = Maildir(root: root)
    }

    /// Creates tmp/, new/ and cur/ when missing (mode 0700).
    public func create() throws {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(atPath: maildir.root + "/" + folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// Writes `contents` and returns the path of the file in new/.
    @discardableResult
    public func deliver(_ contents: String) throws -> String {
        try create()
        let name = Self.uniqueName()
        let temporary = maildir.root + "/tmp/" + name
        let final = maildir.root + "/new/" + name
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MaildirError("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw MaildirError("cannot write \(temporary): \(reason)")
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(temporary)
            throw MaildirError("cannot fsync \(temporary): \(reason)")
        }
        close(fd)
        guard rename(temporary, final) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw MaildirError("cannot move \(temporary) into new/: \(reason)")
        }
        return final
    }

    /// `time.M<microseconds>P<pid>R<random>.host`, unique on this host as the spec describes.
    static func uniqueName() -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        let host = ProcessInfo.processInfo.hostName
            .replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
        return "\(now.tv_sec).M\(now.tv_usec)P\(getpid())R\(UInt32.random(in: 0...UInt32.max)).\(host)"
    }
}
