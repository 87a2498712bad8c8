import Foundation

/// The last of SIGINT, SIGTERM or SIGHUP received; 0 when none. Written by the handler, read by the
/// loop between key reads, so that the terminal is restored on the main thread, never in a handler.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

enum Signals {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in watched {
            signal(sig) { number in receivedSignal = number }
            sigaddset(&unblock, sig)
        }
        // A parent may have started us with these blocked (some process launchers do);
        // then a SIGTERM would wait forever and the terminal would never be restored.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static func restoreDefaults() {
        for sig in watched { signal(sig, SIG_DFL) }
    }

    /// The signal received since the last call, if any.
    static func take() -> Int32? {
        let sig = receivedSignal
        guard sig != 0 else { return nil }
        receivedSignal = 0
        return sig
    }
}
