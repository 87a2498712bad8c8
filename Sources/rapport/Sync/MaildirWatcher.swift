import Foundation
import RapportApp

/// Set by the SIGTERM/SIGINT/SIGHUP handler; read by the sync loop between deliveries.
nonisolated(unsafe) private var stopSignalled: Int32 = 0
/// The write end of the watcher's wake-up pipe: the handler writes a byte so a wait returns at once.
nonisolated(unsafe) private var stopPipeWriter: Int32 = -1

/// Waits for files to arrive in Maildirs' new/ and cur/ (inotify, else polling), a deadline, or a stop
/// signal. The thin I/O under `MailFlow`: it only says that something arrived; ingest finds what.
final class MaildirWatcher: MailWaiter {
    /// How it learns of new mail, for the start-up log line.
    let mode: String
    private var inotify: Int32 = -1
    private var pipe: (read: Int32, write: Int32) = (-1, -1)

    /// Watches `maildirs` with inotify unless `polling` is asked for or inotify cannot be used (no
    /// instance or watch left, a file system that has none); then `wait` simply sleeps to its deadline.
    init(maildirs: [String], polling: Bool) {
        var fds: [Int32] = [-1, -1]
        if Glibc.pipe(&fds) == 0 {
            pipe = (fds[0], fds[1])
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        }
        mode = polling ? "polling" : Self.watch(maildirs, into: &inotify)
    }

    deinit {
        for fd in [inotify, pipe.read, pipe.write] where fd >= 0 { close(fd) }
    }

    /// Files appear in a Maildir by rename from tmp/ (moved-to) or, with writers that skip tmp/, when
    /// closed after writing; a bare create is not watched, as its file may still be half written.
    private static func watch(_ maildirs: [String], into fd: inout Int32) -> String {
        let instance = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard instance >= 0 else { return "polling (inotify: \(String(cString: strerror(errno))))" }
        for root in maildirs {
            for folder in ["new", "cur"] where inotify_add_watch(instance, root + "/" + folder,
                                                                 UInt32(IN_MOVED_TO | IN_CLOSE_WRITE)) < 0 {
                let reason = String(cString: strerror(errno))
                close(instance)
                return "polling (inotify on \(root)/\(folder): \(reason))"
            }
        }
        fd = instance
        return "inotify"
    }

    /// Asks every later `wait` to return `.stop` at once, on SIGTERM, SIGINT or SIGHUP.
    func stopOnSignals() {
        stopPipeWriter = pipe.write
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig) { _ in
                stopSignalled = 1
                var byte: UInt8 = 1
                _ = write(stopPipeWriter, &byte, 1)
            }
            sigaddset(&unblock, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    var stopRequested: Bool { stopSignalled != 0 }

    func wait(until deadline: Date) -> MailWake {
        while true {
            if stopRequested { return .stop }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return .timeout }
            var fds = [pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0)]
            if inotify >= 0 { fds.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno != EINTR { return .timeout }
            if stopRequested { return .stop }
            if fds.count > 1 && fds[1].revents != 0 {
                drain(inotify)
                return .mail
            }
        }
    }

    /// Reads every queued event: only their arrival matters.
    private func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(fd, &buffer, buffer.count) > 0 {}
    }
}
