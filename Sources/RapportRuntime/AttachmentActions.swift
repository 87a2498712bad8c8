import Foundation
import RapportCore
import RapportMail
import RapportTUI

/// Saving and opening attachments from the inbox (`S`, `O`): the bytes are read again from the mail file
/// (`AttachmentFiles`). Opening saves into a private temporary folder (mode 0700) and runs the opener
/// without a shell, its output kept off the screen, without waiting for it.
public struct AttachmentActions: Sendable {
    /// Where `S` saves (created, private, when missing).
    public var downloads: String
    /// The opener's command and leading arguments; the file's path is the last argument.
    public var opener: [String]

    public init(downloads: String, opener: [String]) {
        self.downloads = downloads
        self.opener = opener
    }

    /// `~/Downloads`, and `$RAPPORT_OPENER` (split on spaces) or `xdg-open`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AttachmentActions {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let opener = environment["RAPPORT_OPENER"].map { $0.split(separator: " ").map(String.init) }.flatMap { $0.isEmpty ? nil : $0 }
        return AttachmentActions(downloads: (home as NSString).appendingPathComponent("Downloads"), opener: opener ?? ["xdg-open"])
    }

    func save(_ ref: AttachmentRef) throws -> String {
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return try AttachmentFiles.save(from: ref.sourcePath ?? "", number: ref.number, expected: ref.info, into: downloads)
    }

    func open(_ ref: AttachmentRef) throws -> String {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("rapport-open-XXXXXX").utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw RapportError.invalid("cannot make a private temporary folder: \(String(cString: strerror(errno)))")
        }
        let path = try AttachmentFiles.save(from: ref.sourcePath ?? "", number: ref.number, expected: ref.info, into: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = opener + [path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw RapportError.invalid("cannot run \(opener.joined(separator: " ")): \(error.localizedDescription)")
        }
        return path
    }

    func perform(_ effect: Effect) -> [AppMsg]? {
        do {
            switch effect {
            case .saveAttachment(let ref): return [.notice("Saved \(try save(ref))")]
            case .openAttachment(let ref): return [.notice("Opened \(try open(ref)) with \(opener.joined(separator: " "))")]
            default: return nil
            }
        } catch let error as RapportError {
            return [.failed("\(error)")]
        } catch {
            return [.failed(error.localizedDescription)]
        }
    }
}
