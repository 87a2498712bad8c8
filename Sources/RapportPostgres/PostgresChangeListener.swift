import Foundation
import Logging
import PostgresNIO
import RapportCore

/// The wake-up of the change feed on PostgreSQL: a connection of its own LISTENs on
/// `rapport_changes`, where every writing statement NOTIFYs the latest sequence (ids only, never
/// content: the change log is the truth). The token counts notifications, and moves too whenever the
/// connection is made again, since notifications sent meanwhile were lost: a reader then reads the
/// log since the last sequence it saw and so catches up with the outage.
final class PostgresChangeListener: @unchecked Sendable {
    // @unchecked: the connection's fields are touched under `lock`, the count under `countLock` (the
    // handler runs on the event loop, which must never wait for `lock`: it is held while connecting).
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private let countLock = NSLock()
    private var count = 0
    private var lastAttempt = Date.distantPast
    private let connect: () throws -> PostgresConnection
    private let logger: Logger
    /// How long after a failed attempt the next one waits: a poll every 250 ms must not become a
    /// connection attempt every 250 ms against a server that is down.
    static let retryInterval: TimeInterval = 1

    init(logger: Logger, connect: @escaping () throws -> PostgresConnection) {
        self.logger = logger
        self.connect = connect
    }

    deinit { _ = try? connection?.close().wait() }

    /// The current token; throws while the server cannot be reached.
    func currentToken() throws -> Int {
        try lock.withLock {
            if let connection, !connection.isClosed { return countLock.withLock { count } }
            connection = nil
            guard Date().timeIntervalSince(lastAttempt) >= Self.retryInterval else {
                throw RapportError.invalid("the PostgreSQL server cannot be reached; retrying")
            }
            lastAttempt = Date()
            let fresh = try connect()
            fresh.addListener(channel: "rapport_changes") { [weak self] _, _ in
                guard let self else { return }
                self.countLock.withLock { self.count &+= 1 }
            }
            do {
                _ = try fresh.query("LISTEN rapport_changes", logger: logger).wait()
            } catch {
                _ = try? fresh.close().wait()
                throw error
            }
            connection = fresh
            // Notifications may have been missed before this: moving the token has the log read again.
            return countLock.withLock { count &+= 1; return count }
        }
    }
}
