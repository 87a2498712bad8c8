import Foundation

/// Something that hands a finished message to the mail system.
public protocol MailTransport: Sendable {
    func deliver(_ rfc822: String) throws
}

/// A sendmail-compatible command (`/usr/sbin/sendmail -t -oi`, `msmtp -t`), run directly with no
/// shell in between: the message on stdin, recipients from its headers, exit status and stderr checked.
public struct SendmailTransport: MailTransport {
    public static let defaultCommand = ["/usr/sbin/sendmail", "-t", "-oi"]

    public var command: [String]

    public init(command: [String] = SendmailTransport.defaultCommand) {
        self.command = command
    }

    /// Splits a configured command line on white space (no quoting: it is not a shell).
    public init(commandLine: String) {
        let words = commandLine.split(whereSeparator: \.isWhitespace).map(String.init)
        self.command = words.isEmpty ? Self.defaultCommand : words
    }

    public func deliver(_ rfc822: String) throws {
        guard let program = command.first, let executable = Self.resolve(program) else {
            throw OutboundError.deliveryFailed("sendmail command not found: \(command.first ?? "(empty)")")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            throw OutboundError.deliveryFailed("cannot run \(executable): \(error.localizedDescription)")
        }
        // Drain stderr while writing, so a chatty command cannot block us on a full pipe.
        let collected = ErrorCollector()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let writeError = Self.write(Data(rfc822.utf8), to: input.fileHandleForWriting)
        process.waitUntilExit()
        let stderr = collected.wait()
        let detail = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Killed part-way, it may already have handed the message on: only a person can tell.
        if process.terminationReason == .uncaughtSignal {
            throw OutboundError.mayHaveBeenDelivered("\(program) was killed by signal \(process.terminationStatus) and may have sent it"
                                                     + (detail.isEmpty ? "" : ": \(detail)"))
        }
        // A failure status: sendmail-compatible commands take nothing when they say so.
        guard process.terminationStatus == 0 else {
            throw OutboundError.deliveryFailed("\(program) exited with status \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        if let writeError {
            throw OutboundError.mayHaveBeenDelivered("\(program) said it sent the message without reading all of it: \(writeError)")
        }
    }

    private static func write(_ data: Data, to handle: FileHandle) -> String? {
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: data)
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    /// An absolute or relative path as given, else the first match on PATH.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Hands the stderr bytes from the reader thread to the caller.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
