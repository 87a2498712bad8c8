import Foundation
import Testing
import TestSupport

/// `rapport sync` as a real process on a real store and Maildir: mail filed as it arrives (inotify and
/// polling), replies delivered through msmtp to a loopback SMTP server, a refusing sendmail retried
/// with backoff and then left failed where every command sees it, and SIGTERM ending it cleanly.
@Suite(.serialized) struct SyncTests {
    /// A running `rapport sync` and what it has logged so far.
    final class SyncProcess: @unchecked Sendable {
        let process: Process
        private let lock = NSLock()
        private var output = Data()
        /// Signalled at the end of the output (the process closed stdout: it has exited).
        private let ended = DispatchSemaphore(value: 0)

        init(_ cli: RapportBinary, _ arguments: [String] = []) {
            let (process, out, _) = cli.launch(["sync"] + arguments)
            self.process = process
            out.fileHandleForReading.readabilityHandler = { [self] handle in
                let data = handle.availableData
                if data.isEmpty {
                    handle.readabilityHandler = nil
                    ended.signal()
                    return
                }
                lock.lock()
                output.append(data)
                lock.unlock()
            }
        }

        var log: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: output, as: UTF8.self)
        }

        /// Waits until the log holds a line containing `text`.
        func waitForLog(_ text: String) throws {
            try SyncTests.waitUntil("the log line \(text); log so far:\n\(log)") { log.contains(text) }
        }

        /// SIGTERM, then the exit status.
        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            return waitForExit()
        }

        /// The exit status, once the process has ended and all it logged has been read.
        func waitForExit() -> Int32 {
            process.waitUntilExit()
            _ = ended.wait(timeout: .now() + 20)
            return process.terminationStatus
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    /// Polls `condition` until it holds, for at most `timeout` seconds (no fixed sleep).
    static func waitUntil(_ what: String, timeout: TimeInterval = 20, _ condition: () throws -> Bool) throws {
        let deadline = Date() + timeout
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(description: "timed out waiting for \(what)")
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    func writeConfig(_ cli: RapportBinary, _ text: String) throws {
        let dir = try #require(cli.environment["XDG_CONFIG_HOME"]) + "/rapport"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
    }

    /// Delivers a message the way an MDA does: written in tmp/, then renamed into new/.
    func drop(_ maildir: String, _ name: String, subject: String, from: String = "Ann Lee <ann.lee@lee.example>") throws {
        let text = """
            From: \(from)\r
            To: sam@example.com\r
            Subject: \(subject)\r
            Message-ID: <\(name)@lee.example>\r
            Date: Tue, 1 Dec 2026 09:00:00 +0000\r
            \r
            Hello, my invoice is wrong.\r

            """
        try text.write(toFile: maildir + "/tmp/" + name, atomically: false, encoding: .utf8)
        #expect(rename(maildir + "/tmp/" + name, maildir + "/new/" + name) == 0)
    }

    func subjects(_ cli: RapportBinary) throws -> [String] {
        let rows = try cli.run(["conversations", "--agent", "sam", "--json"]).json as? [[String: Any]] ?? []
        return rows.compactMap { $0["subject"] as? String }
    }

    @Test("new mail is filed within moments of its arrival, and SIGTERM stops sync with status 0",
          arguments: Backend.available, [false, true])
    func filesNewMail(_ backend: Backend, polling: Bool) throws {
        let cli = try RapportBinary.withTeam(backend)
        let maildir = try cli.makeMaildir("Maildir")
        try writeConfig(cli, "[mail]\nmaildirs = [\"\(maildir)\"]\n")
        let sync = SyncProcess(cli, polling ? ["--poll"] : [])
        try sync.waitForLog("started: watching \(maildir) (\(polling ? "polling" : "inotify"))")

        try drop(maildir, "m1", subject: "Invoice 1042 is wrong")
        try Self.waitUntil("the message in rapport conversations") { try subjects(cli).contains("Invoice 1042 is wrong") }
        try sync.waitForLog("ingested 1 new message")

        let second = try cli.run(["sync"])
        #expect(second.status == 1 && second.stderr.contains("another rapport sync is running on this store (pid \(sync.process.processIdentifier))"),
                "\(second.stderr)")

        #expect(sync.stop() == 0)
        let lines = sync.log.split(separator: "\n")
        #expect(lines.last?.hasSuffix(" stopped") == true, "\(sync.log)")
        #expect(lines.allSatisfy { $0.first?.isNumber == true }, "every line is dated: \(sync.log)")
    }

    @Test("an open inbox shows mail that sync filed, with nobody running a command")
    func inboxBesideSync() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = try cli.makeMaildir("Maildir")
        try writeConfig(cli, "[mail]\nmaildirs = [\"\(maildir)\"]\n")
        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"], width: 80, height: 12)
        try screen.send("2")                                 // Unassigned: a new customer has no owner
        try screen.waitFor("Unassigned")
        let sync = SyncProcess(cli)
        try sync.waitForLog("started")
        try drop(maildir, "m1", subject: "Our order never arrived")
        try screen.waitFor("Our order never arrived")
        // More customers than the screen holds, the cursor on the first row: the next one still shows, above it.
        for n in 2...12 { try drop(maildir, "m\(n)", subject: "Question \(n)", from: "Customer \(n) <c\(n)@example.org>") }
        try screen.waitFor("unassigned 12")
        try screen.send("g")
        try drop(maildir, "m13", subject: "Hail damage on the roof", from: "Bo Chen <bo@chen.example>")
        try screen.waitFor("Hail damage on the roof")
        #expect(sync.stop() == 0)
    }

    @Test("rapport ingest with no folder reads the config's Maildirs, and says how to set them when there are none")
    func ingestUsesTheConfig() throws {
        let cli = try RapportBinary.withTeam()
        let none = try cli.run(["ingest"])
        #expect(none.status == 2 && none.stderr.contains("set [mail] maildirs in"), "\(none.stderr)")
        let maildir = try cli.makeMaildir("Maildir")
        try writeConfig(cli, "[mail]\nmaildir = \"\(maildir)\"\n")   // the one-folder key still works
        try drop(maildir, "m1", subject: "Hello")
        let run = try cli.run(["ingest", "--json"])
        #expect(run.status == 0)
        #expect((run.json as? [String: Any])?["ingested"] as? Int == 1, "\(run.stdout)")
    }

    /// A demo store with one reply queued by Sam; its outbox id and recipient.
    func queuedReply(_ cli: RapportBinary) throws -> (id: Int, to: String) {
        let rows = try #require(try cli.run(["conversations", "--mine", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let row = try #require(rows.first)
        let first = String((row["customer_name"] as? String ?? "").split(separator: " ").first ?? "")
        let queued = try cli.run(["reply", String(row["id"] as? Int ?? 0), "--agent", "sam", "--text", "Hi \(first),\n\nAll sorted.\n\nSam\n"])
        #expect(queued.status == 0, "\(queued.stderr)")
        let outbox = try #require(try cli.run(["outbox", "--json"]).json as? [[String: Any]])
        #expect(outbox.count == 1 && outbox[0]["state"] as? String == "queued")
        return (try #require(outbox[0]["id"] as? Int), try #require(outbox[0]["to"] as? String))
    }

    @Test("sync delivers a queued reply through msmtp to the SMTP server, with the legal footer, and the outbox shows it sent",
          arguments: Backend.available)
    func deliversThroughMsmtp(_ backend: Backend) throws {
        let cli = try RapportBinary.withDemo(backend)
        let home = cli.folder.url
        let server = try LoopbackSMTP(maildir: home.appendingPathComponent("received").path)
        defer { server.stop() }
        let sendmail = try server.msmtpSendmailLine(in: home)
        try writeConfig(cli, "[mail]\n" + sendmail + "legal_footer = \"Rapport Example Ltd, registered in England No. 01234567\"\n")
        let reply = try queuedReply(cli)

        let sync = SyncProcess(cli)
        try sync.waitForLog("sent \(reply.id) to \(reply.to)")
        try Self.waitUntil("the message at the SMTP server") { server.received().count == 1 }
        let received = server.received()[0]
        #expect(received.contains("All sorted."))
        #expect(received.contains("\n-- \nRapport Example Ltd, registered in England No. 01234567"), "\(received)")
        let all = try #require(try cli.run(["outbox", "--all", "--json"]).json as? [[String: Any]])
        #expect(all.map { $0["state"] as? String } == ["sent"])
        #expect((try cli.run(["outbox", "--json"]).json as? [[String: Any]])?.isEmpty == true)
        #expect(sync.stop() == 0)
    }

    /// A config whose sendmail is a shell script with `body` (plus `config`, more `[mail]` lines).
    func useSendmail(_ cli: RapportBinary, _ body: String, config: String = "") throws {
        let sendmail = cli.folder.url.appendingPathComponent("sendmail-script").path
        try ("#!/bin/sh\n" + body).write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        try writeConfig(cli, "[mail]\nsendmail = \"\(sendmail)\"\n" + config)
    }

    @Test("SIGTERM while sendmail holds a reply: the delivery finishes and is recorded, then sync exits 0")
    func stopDuringADelivery() throws {
        let cli = try RapportBinary.withDemo()
        let dir = cli.folder.url.path
        #expect(mkfifo(dir + "/ready", 0o600) == 0 && mkfifo(dir + "/go", 0o600) == 0)
        try useSendmail(cli, "cat >> '\(dir)/delivered'\necho started > '\(dir)/ready'\nread line < '\(dir)/go'\n")
        let reply = try queuedReply(cli)

        let sync = SyncProcess(cli)
        // Blocks until sendmail holds the message (no sleep, no poll).
        let ready = try #require(FileHandle(forReadingAtPath: dir + "/ready"))
        _ = ready.readDataToEndOfFile()
        kill(sync.process.processIdentifier, SIGTERM)
        let go = try #require(FileHandle(forWritingAtPath: dir + "/go"))
        go.write(Data("go\n".utf8))
        try go.close()
        #expect(sync.waitForExit() == 0)
        let lines = sync.log.split(separator: "\n").map(String.init)
        #expect(lines.suffix(2).first?.hasSuffix("sent \(reply.id) to \(reply.to)") == true, "\(sync.log)")
        #expect(lines.last?.hasSuffix(" stopped") == true)
        let all = try #require(try cli.run(["outbox", "--all", "--json"]).json as? [[String: Any]])
        #expect(all.map { $0["state"] as? String } == ["sent"], "no claim is left behind")
    }

    @Test("a refusing sendmail is retried after each delay, then the reply stays failed with its reason for every command")
    func retriesThenFails() throws {
        let cli = try RapportBinary.withDemo()
        try useSendmail(cli, "cat > /dev/null\necho 'mail.example: connection refused' >&2\nexit 75\n",
                        config: "retry_delays = [0, 1]\n")
        let reply = try queuedReply(cli)

        let sync = SyncProcess(cli)
        try sync.waitForLog("(attempt 3)")
        #expect(sync.stop() == 0)
        let failures = sync.log.split(separator: "\n").filter { $0.contains("failed \(reply.id) to \(reply.to)") }
        #expect(failures.count == 3, "\(sync.log)")
        #expect(failures.allSatisfy { $0.contains("connection refused") })
        #expect(failures[0].contains("(attempt 1)") && failures[0].contains("next try at"))
        #expect(failures[1].contains("(attempt 2)") && failures[1].contains("next try at"))
        #expect(failures[2].contains("(attempt 3)") && failures[2].contains("no more automatic retries"))

        let outbox = try #require(try cli.run(["outbox", "--json"]).json as? [[String: Any]])
        #expect(outbox.count == 1)
        #expect(outbox[0]["state"] as? String == "failed" && outbox[0]["attempts"] as? Int == 3)
        #expect(outbox[0]["next_attempt"] is NSNull)
        #expect((outbox[0]["error"] as? String)?.contains("connection refused") == true)
        let rows = try #require(try cli.run(["conversations", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let undelivered = rows.flatMap { $0["outbox"] as? [[String: Any]] ?? [] }
        #expect(undelivered.count == 1 && undelivered[0]["state"] as? String == "failed")
    }
}
