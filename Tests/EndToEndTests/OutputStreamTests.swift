import Foundation
import Testing

/// What every command's output promises: a closed pipe ends it quietly, and JSON never carries a
/// code point that could steer the terminal showing it.
@Suite struct OutputStreamTests {
    /// Runs the binary with stdout into a pipe whose reading end is already closed, as
    /// `rapport conversations | head -0` leaves it: every write gets EPIPE.
    func runIntoClosedPipe(_ cli: RapportBinary, _ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = RapportBinary.url
        process.arguments = arguments
        process.environment = cli.environment
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, stderr)
    }

    @Test(arguments: [["conversations", "--agent", "sam"], ["stats", "--json"], ["customer", "list", "--json"],
                      ["agent", "list"], ["--help"]])
    func aClosedPipeEndsTheCommandQuietly(_ arguments: [String]) throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let run = try runIntoClosedPipe(cli, arguments)
        #expect(run.reason == .exit, "ended by a signal: \(run.status)")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func jsonEscapesC1ControlsAndBidiOverrides() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = try cli.makeMaildir("bidi")
        // A one-byte CSI (U+009B), a right-to-left override and the isolates, in the name and the subject.
        let message = """
            From: =?UTF-8?Q?Eve_=C2=9B31m_Mallory?= <eve@x.org>
            To: sam@example.com
            Subject: =?UTF-8?Q?Invoice_=E2=80=AEfdp.exe_=E2=81=A6a=E2=81=A9=E2=81=A7b=E2=81=A8?=
            Message-ID: <bidi-1@x.org>
            Date: Sun, 22 Nov 2026 10:00:00 +0000

            Hello

            """
        try message.write(toFile: maildir + "/new/1.eml", atomically: true, encoding: .utf8)
        #expect(try cli.run(["ingest", maildir]).status == 0)
        let unsafe: Set<UInt32> = [0x9B, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for args in [["customer", "list", "--json"], ["conversations", "--agent", "sam", "--json"]] {
            let out = try cli.run(args).stdout
            #expect(!out.unicodeScalars.contains { unsafe.contains($0.value) }, "\(args)")
            // Still the stored text, for scripts: the escapes decode back to it.
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            let texts = decoded.flatMap { $0.values.compactMap { $0 as? String } }
            #expect(texts.contains { $0.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E } }, "\(args): \(out)")
        }
        #expect(try cli.run(["conversations", "--agent", "sam", "--json"]).stdout.contains("\\u202E"))
    }
}
