import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportMail

/// `rapport sync`: the long-running command that keeps mail flowing both ways.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Keep mail flowing: file new mail from the Maildirs as it arrives and deliver the outbox, until stopped.",
        discussion: """
            Watches the config's [mail] maildirs (or the folders named) with inotify, else by looking every second, and \
            files each new message within a second of its arrival. Delivers queued replies as they come (from any \
            inbox or command) through the sendmail command; one the mail system did not take is tried again after \
            each delay of [mail] retry_delays (default 60, 300, 1800, 7200 seconds), then stays failed until a person \
            retries it or marks it sent (D in the inbox's thread, or rapport send --resend / --mark-sent). One that \
            may have gone out, or that another process is delivering, is never sent again by sync. \
            Logs one line per event on stdout. SIGTERM (or SIGINT, SIGHUP) stops it cleanly: a delivery under way \
            finishes and is recorded first; exit status 0. One sync per store (per store and machine on PostgreSQL): a second one is refused.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Maildir folders to watch (default: the config's [mail] maildirs).") var maildirs: [String] = []
    @Flag(help: "Look for new files every second instead of using inotify.") var poll = false
    @Option(help: "The sendmail-compatible command, run without a shell (default: $RAPPORT_SENDMAIL, else the config's [mail] sendmail, else /usr/sbin/sendmail -t -oi).")
    var sendmail: String?
    @Option(help: "A Maildir that receives a copy of each sent message (default: $RAPPORT_SENT_MAILDIR, else the config's [mail] sent_maildir).")
    var sentMaildir: String?

    func run() throws {
        let config = try global.config()
        let folders = maildirs.isEmpty ? config.maildirs : maildirs
        for root in folders where !Maildir(root: root).isMaildir {
            throw ValidationError("\(root) is not a Maildir (it needs cur/ and new/ folders)")
        }
        let store = try global.openStore()
        let lock = try SyncLock(path: syncLockPath())
        defer { lock.release() }
        let settings = DeliverySettings.resolve(sendmail: sendmail, sentMaildir: sentMaildir,
                                                environment: global.environment, config: config)
        var delivery = settings.delivery(store: store)
        delivery.retry = RetrySchedule(config: config)
        let flow = MailFlow(ingest: Ingest(store: store), maildirs: folders, delivery: delivery)

        let watcher = MaildirWatcher(maildirs: folders, polling: poll)
        watcher.stopOnSignals()
        log(folders.isEmpty ? "started: no Maildirs to watch (set [mail] maildirs); delivering the outbox only"
                            : "started: watching \(folders.joined(separator: ", ")) (\(watcher.mode))")
        flow.run(waiter: watcher) { log($0.line) }
        log("stopped")
    }

    /// Beside a SQLite store; for a PostgreSQL store, in the data directory under the database's address:
    /// the Maildirs a sync files from are this machine's (DECISIONS.md, "One rapport sync per store").
    private func syncLockPath() throws -> String {
        guard global.storeIsPostgres else { return global.storePath + ".sync-lock" }
        let folder = global.dataDirectory
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = global.storeDescription.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }
        return folder + "/sync-lock-" + String(name)
    }

    /// One `rapport sync` per store: a second one would file the same new files and log the same events
    /// twice. An advisory lock on a file, released by the kernel when the process ends.
    struct SyncLock {
        let fd: Int32

        init(path: String) throws {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw RapportError.invalid("cannot open \(path): \(String(cString: strerror(errno)))") }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                close(fd)
                throw RapportError.invalid("another rapport sync is running on this store"
                                           + (holder.map { $0.isEmpty ? "" : " (pid \($0))" } ?? "") + "; nothing was started")
            }
            ftruncate(fd, 0)
            let pid = "\(getpid())\n"
            _ = pid.withCString { write(fd, $0, strlen($0)) }
        }

        func release() {
            ftruncate(fd, 0)
            close(fd)
        }
    }

    /// One line on stdout, dated (UTC), written at once so a journal or a pipe sees it as it happens.
    private func log(_ line: String) {
        say("\(Date().formatted(.iso8601)) \(line)")
    }
}
