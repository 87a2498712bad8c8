import Foundation
import Logging
import PostgresNIO
import RapportCore

/// The PostgreSQL implementation of `StorePort`, for a team on several machines sharing one server.
///
/// One connection per store instance, used synchronously (`PostgresSession`); each port call is one
/// transaction. Every write transaction first takes one transaction-scoped advisory lock, so writers
/// queue as SQLite's do behind its write lock: check-then-write rules (the handoff note, one owner)
/// are decided with nobody writing beside them, and change-log sequences commit in order
/// (DECISIONS.md, "PostgreSQL behind a synchronous port"). Reads run in a read-only snapshot.
public final class PostgresStore: StorePort, @unchecked Sendable {
    // @unchecked: `session` is only touched under `lock`.
    public let location: PostgresLocation
    /// This instance's tag in the change log (see `ChangeFeed`), set on its connection as `rapport.origin`.
    public let origin = UUID().uuidString
    private let lock = NSLock()
    private var session: PostgresSession?
    private let logger: Logger
    /// The change feed's wake-up connection, made at the first `changeToken()` (only the inbox asks).
    lazy var listener = PostgresChangeListener(logger: logger) { [unowned self] in
        try self.connect(timeout: .seconds(2)).connection
    }

    /// The advisory lock every write transaction takes ("RAPP"), per database.
    static let writeLock: Int64 = 0x5241_5050

    /// Opens the store at `location`. With `create` (`rapport init`), an empty database is made a
    /// store; without it an empty one is refused, and any database that is not Rapport's (tables but
    /// no `rapport_migrations`) is refused untouched either way. A store made by an older Rapport is migrated.
    public init(_ location: PostgresLocation, create: Bool = false) throws {
        self.location = location
        var logger = Logger(label: "rapport.postgres")
        logger.logLevel = .critical
        self.logger = logger
        try lock.withLock {
            let session = try connect()
            self.session = session
            try Self.createOrMigrate(session, location: location, create: create)
        }
    }

    public convenience init(url: String, create: Bool = false) throws {
        try self.init(PostgresLocation(url), create: create)
    }

    deinit {
        if let session { _ = try? session.connection.close().wait() }
    }

    // MARK: - Transactions

    /// A read-only snapshot: every statement of `body` sees the same committed state.
    func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// A read of one statement, outside a transaction: a statement sees one snapshot by itself, and
    /// BEGIN and COMMIT would be two more round trips (opening a thread is a dozen reads).
    func readStatement<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction(begin: nil, body)
    }

    /// A write transaction behind the store-wide write lock.
    @discardableResult
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN") { session in
            try session.execute("SELECT pg_advisory_xact_lock($1)", [Self.writeLock])
            return try body(session)
        }
    }

    /// A write that decides nothing against other writes (a presence heartbeat): without the write
    /// lock, so it never queues behind an ingest batch.
    func writeOutsideTheLock<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", body)
    }

    /// `body` in a transaction opened by `begin` (none when nil).
    private func transaction<T>(begin: String?, _ body: (PostgresSession) throws -> T) throws -> T {
        try lock.withLock {
            let session = try openSession()
            do {
                if let begin { try session.execute(begin) }
                let result = try body(session)
                if begin != nil { try session.execute("COMMIT") }
                return result
            } catch {
                if Self.connectionSurvives(error) && !session.connection.isClosed {
                    if begin != nil { _ = try? session.execute("ROLLBACK") }
                } else {
                    // The connection is gone or in doubt: the next call makes a new one.
                    session.connection.close().whenComplete { _ in }
                    self.session = nil
                }
                throw translate(error)
            }
        }
    }

    /// The connection, made again when the last one was lost (a server restart, a network cut).
    private func openSession() throws -> PostgresSession {
        if let session, !session.connection.isClosed { return session }
        session = nil
        let fresh = try connect()
        session = fresh
        return fresh
    }

    // MARK: - Connecting

    private func connect(timeout: TimeAmount = .seconds(10)) throws -> PostgresSession {
        let password = location.password()
        var configuration: PostgresConnection.Configuration
        if let folder = location.socketFolder {
            configuration = .init(unixSocketPath: "\(folder)/.s.PGSQL.\(location.port)", username: location.user,
                                  password: password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user,
                                  password: password, database: location.database, tls: try tls())
        }
        configuration.options.connectTimeout = timeout
        do {
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            let session = PostgresSession(connection: connection, logger: logger)
            // The change triggers tag each change with this; session-wide, so every transaction carries it.
            try session.execute("SELECT set_config('rapport.origin', $1, false)", [origin])
            return session
        } catch {
            throw RapportError.invalid("cannot open the PostgreSQL store \(location): \(Self.reason(error))")
        }
    }

    /// libpq's sslmode: `prefer` and `require` encrypt without checking the server's certificate.
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        guard location.sslMode != .disable else { return .disable }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let context = try NIOSSLContext(configuration: tls)
        return location.sslMode == .require ? .require(context) : .prefer(context)
    }

    // MARK: - Schema

    /// Makes an empty database a store (with `create`), or brings a store to the current schema,
    /// in one transaction behind the write lock, so two processes never migrate at once.
    static func createOrMigrate(_ session: PostgresSession, location: PostgresLocation, create: Bool) throws {
        do {
            try session.execute("BEGIN")
            try session.execute("SELECT pg_advisory_xact_lock($1)", [writeLock])
            let isStore = try session.value("SELECT to_regclass('rapport_migrations') IS NOT NULL", as: Bool.self) ?? false
            var applied = Set<String>()
            if isStore {
                applied = Set(try session.rows("SELECT identifier FROM rapport_migrations").map { $0[0] as String })
            } else {
                let objects = try session.value("""
                    SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')
                    """, as: Int.self) ?? 0
                if objects > 0 { throw RapportError.notARapportStore(location.description) }
                if !create {
                    throw RapportError.invalid("\(location) is empty, not a Rapport store; make it one with `rapport init --store \(location)`")
                }
            }
            let pending = migrations.filter { !applied.contains($0.identifier) }
            for migration in pending {
                for statement in migration.statements { try session.execute(statement) }
                try session.execute("INSERT INTO rapport_migrations (identifier, applied) VALUES ($1, $2)",
                                    [migration.identifier, Date().timeIntervalSince1970])
            }
            // The agents' group role gets the tables a migration made; `rapport init` grants them again
            // (a role made by the server's administrator after the store was). See v18-database-roles.
            if !pending.isEmpty || create { try session.execute("SELECT rapport_grant_agents()") }
            try session.execute("COMMIT")
        } catch {
            _ = try? session.execute("ROLLBACK")
            if error is RapportError { throw error }
            throw RapportError.invalid("cannot set up the PostgreSQL store \(location): \(reason(error))")
        }
    }

    // MARK: - Errors

    /// The driver's errors (a lost connection, a server error) as one sentence naming the store (never a
    /// password: there is none in `location`); an error the caller's own code threw inside the
    /// transaction (a refusal, a `checking:` rule) goes back as it was thrown.
    func translate(_ error: any Error) -> any Error {
        guard error is PSQLError else { return error }
        return RapportError.invalid("the PostgreSQL store \(location) failed: \(Self.reason(error))")
    }

    /// True when the connection is still good after `error`: the server answered it, or the caller's own
    /// code threw it. Only a driver error without a server answer leaves the connection in doubt.
    static func connectionSurvives(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return true }
        return error.serverInfo != nil
    }

    /// What went wrong, in the server's words when it said something.
    static func reason(_ error: any Error) -> String {
        if let error = error as? RapportError { return error.description }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying {
                let text = "\(underlying)"
                if text.contains("Connection refused") { return "connection refused (is the server running, on that host and port?)" }
                return text
            }
            switch error.code {
            case .sslUnsupported: return "the server does not offer TLS, which sslmode=require asks for"
            case .authMechanismRequiresPassword:
                return "the server asks for a password: set PGPASSWORD, or add it to ~/.pgpass (host:port:database:user:password)"
            case .connectionError, .serverClosedConnection, .clientClosedConnection: return "the connection was lost"
            default: return "\(error.code)"
            }
        }
        return "\(error)"
    }
}
