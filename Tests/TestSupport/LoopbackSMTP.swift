import Foundation

/// Shared by the mail and end-to-end tests.
/// An `aiosmtpd` server on a free 127.0.0.1 port (from the private venv `scripts/ensure-test-venv`
/// makes), storing what it receives in a Maildir; stopped by closing its stdin.
public final class LoopbackSMTP {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let process = Process()
    let input = Pipe()
    public let port: Int
    public let maildir: String
    private var stopped = false

    public init(maildir: String) throws {
        self.maildir = maildir
        let venv = Process()
        venv.executableURL = Self.packageRoot.appendingPathComponent("scripts/ensure-test-venv")
        let venvOut = Pipe()
        venv.standardOutput = venvOut
        try venv.run()
        let python = String(decoding: venvOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        venv.waitUntilExit()
        guard venv.terminationStatus == 0 else { throw Failure("scripts/ensure-test-venv failed") }

        let script = """
        import socket, sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
        controller = Controller(Mailbox(sys.argv[1]), hostname="127.0.0.1", port=port)
        controller.start()
        print(port, flush=True)
        sys.stdin.read()
        controller.stop()
        """
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, maildir]
        process.standardInput = input
        process.standardOutput = output
        // The tmux server started later inherits open descriptors; with a copy of our end of
        // the server's stdin it would never see end-of-file, and the server never stop.
        for fd in [input.fileHandleForWriting.fileDescriptor, input.fileHandleForReading.fileDescriptor,
                   output.fileHandleForReading.fileDescriptor, output.fileHandleForWriting.fileDescriptor] {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw Failure("the test SMTP server did not start")
        }
        self.port = port
    }

    deinit { stop() }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The messages received so far, as raw text.
    public func received() -> [String] {
        ["new", "cur"].flatMap { sub -> [String] in
            let dir = maildir + "/" + sub
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.sorted().compactMap { FileManager.default.contents(atPath: dir + "/" + $0) }
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// An `msmtp` command line that delivers to this server: its config (no auth, no TLS) is written
    /// as `msmtprc` in `folder`; recipients come from the headers (`-t`), as Rapport's sendmail runs them.
    public func msmtpCommand(configIn folder: URL) throws -> [String] {
        guard let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw Failure("msmtp is not installed (scripts/ensure-packages installs it)") }
        let msmtprc = folder.appendingPathComponent("msmtprc").path
        try "defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport \(port)\n"
            .write(toFile: msmtprc, atomically: true, encoding: .utf8)
        chmod(msmtprc, 0o600)
        return [msmtp, "-C", msmtprc, "--read-envelope-from", "-t"]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension LoopbackSMTP {
    /// The `[mail] sendmail` line of a config file that sends through msmtp to this server: an msmtp
    /// configuration (no TLS, no login) written in `folder`; throws when msmtp is not installed.
    public func msmtpSendmailLine(in folder: URL) throws -> String {
        "sendmail = [" + (try msmtpCommand(configIn: folder)).map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
    }
}

/// The value of a header in a raw message (unfolded), or nil.
public func mailHeader(_ name: String, in message: String) -> String? {
    var lines: [String] = []
    for line in message.components(separatedBy: "\n") {
        let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if line.isEmpty { break }
        if line.first == " " || line.first == "\t", !lines.isEmpty { lines[lines.count - 1] += " " + line.trimmingCharacters(in: .whitespaces) }
        else { lines.append(line) }
    }
    let prefix = name.lowercased() + ":"
    return lines.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
}
