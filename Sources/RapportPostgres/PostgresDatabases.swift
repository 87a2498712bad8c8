import Foundation
import Logging
import PostgresNIO
import RapportCore

/// Creating and dropping whole databases on a server, for tests that want a fresh database each and
/// for setting up a team's store. Runs on the database named in `server` (usually `postgres`).
public enum PostgresDatabases {
    public static func create(_ name: String, on server: PostgresLocation) throws {
        try execute("CREATE DATABASE \(quoted(name)) ENCODING 'UTF8' TEMPLATE template0", on: server)
    }

    /// Drops the database, closing the connections still open on it.
    public static func drop(_ name: String, on server: PostgresLocation) throws {
        try execute("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)", on: server)
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One statement on the database `server` names, on a connection of its own (tests use it too).
    static func execute(_ sql: String, on server: PostgresLocation) throws {
        var logger = Logger(label: "rapport.postgres")
        logger.logLevel = .critical
        let configuration: PostgresConnection.Configuration = if let folder = server.socketFolder {
            .init(unixSocketPath: "\(folder)/.s.PGSQL.\(server.port)", username: server.user,
                  password: server.password(), database: server.database)
        } else {
            .init(host: server.host, port: server.port, username: server.user, password: server.password(),
                  database: server.database, tls: .disable)
        }
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            defer { _ = try? connection.close().wait() }
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        } catch {
            throw RapportError.invalid("\(server): \(PostgresStore.reason(error))")
        }
    }
}
