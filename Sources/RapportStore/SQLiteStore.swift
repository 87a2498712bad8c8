import Foundation
import GRDB
import RapportCore
import SearchTokenizer

/// The SQLite implementation of `StorePort`, through GRDB.
///
/// One file per team on one host: several Rapport processes open it at once.
/// WAL lets readers run beside the single writer; GRDB begins every write with
/// `BEGIN IMMEDIATE`, so check-then-write rules (the handoff note, one owner)
/// are decided under the write lock and two processes can never both win.
public final class SQLiteStore: StorePort, @unchecked Sendable {
    // @unchecked: DatabasePool is thread-safe; `poller` is only touched under `pollLock`.
    public let path: String
    let pool: DatabasePool
    /// This instance's tag in the change log (see `ChangeFeed`): every connection of the pool
    /// answers it from `rapport_origin()`, which the change triggers call.
    public let origin = UUID().uuidString
    /// A read-only connection for `PRAGMA data_version` (see SQLiteStore+ChangeFeed.swift).
    var poller: DatabaseQueue?
    let pollLock = NSLock()

    /// How long a connection waits for another process's write lock before giving up: 10 s, or
    /// `$RAPPORT_BUSY_TIMEOUT_MS` (tests use it to reach "busy" without waiting 10 s).
    static let busyTimeout: TimeInterval = {
        if let text = ProcessInfo.processInfo.environment["RAPPORT_BUSY_TIMEOUT_MS"], let ms = Int(text), ms >= 0 {
            return Double(ms) / 1000
        }
        return 10
    }()

    /// The port's words for an adapter failure a person can act on: the store stayed busy past the
    /// timeout (another process held its write lock). Other errors are returned as they are.
    /// A file SQLite reads as damaged becomes one clear message pointing at `rapport store check`.
    public static func translate(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RapportError.storeBusy(seconds: busyTimeout)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return RapportError.storeDamaged(error.message ?? "\(error.resultCode)")
        default:
            return error
        }
    }

    /// `PRAGMA application_id` of a Rapport store ("RAPP"), so we never write into someone else's file.
    static let applicationID: Int32 = 0x5241_5050

    /// Opens the store at `path`. With `create` (`rapport init`, the demo), a missing file (and its
    /// parent folders) is created with owner-only permissions, and an empty file is made a store;
    /// without it both are refused, so no other command creates or converts a file.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw RapportError.invalid("cannot open \(path): \(String(cString: strerror(errno)))")
            }
            guard create else {
                throw RapportError.invalid("no Rapport store at \(path); create one with `rapport init`")
            }
            try Self.createEmptyFile(at: path)
        } else {
            // A FIFO would hang the header read below, a device would get a "-journal" beside it.
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw RapportError.invalid("\(path) is not a regular file; a Rapport store is a file")
            }
            try Self.checkIsRapportStore(path, mayAdopt: create)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "rapport"
        let origin = origin
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("rapport_origin", argumentCount: 0, pure: true) { _ in origin })
            db.add(function: Self.lowercase)
            let registered = rapport_register_search_tokenizer(db.sqliteConnection)
            guard registered == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: registered), message: "cannot register the search tokenizer")
            }
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.createOrMigrate(pool)
    }

    /// `rapport_lower(text)`: lower case for every script, as Swift lowers the text a person types
    /// (SQLite's `lower` folds ASCII only). Customer names are indexed by it (v26), so every connection
    /// that writes a customer needs it: each of this store's connections has it.
    static let lowercase = DatabaseFunction("rapport_lower", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0])?.lowercased()
    }

    private static func createEmptyFile(at path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw RapportError.invalid("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
    }

    /// Refuses any existing file that is not a SQLite database carrying our application id, without
    /// writing a byte to it; an empty file or an empty SQLite database only when `mayAdopt`.
    private static func checkIsRapportStore(_ path: String, mayAdopt: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RapportError.invalid("cannot read \(path)")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        let notYet = RapportError.invalid("\(path) is empty, not a Rapport store; make it one with `rapport init`")
        if header.isEmpty {
            if mayAdopt { return }
            throw notYet
        }
        guard header.count >= 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw RapportError.notARapportStore(path)
        }
        // Ask SQLite itself (read-only): with WAL the header on disk may lag behind committed pages.
        // With the same patience as every other connection: a commit in another process must not make
        // this check fail with "database is locked".
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        let (appID, tables) = try DatabaseQueue(path: path, configuration: config).read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if appID == applicationID { return }
        // Only an empty SQLite database may become a store.
        if appID != 0 || tables != 0 { throw RapportError.notARapportStore(path) }
        if !mayAdopt { throw notYet }
    }

    // MARK: - Integrity

    /// What SQLite's `PRAGMA quick_check` finds wrong with the file at `path` (empty when nothing),
    /// read-only, without migrating or repairing. Not run at every open: it reads the whole file
    /// (seconds for a store of a million messages); damage met by any command is reported as
    /// `storeDamaged`, which points here.
    public static func integrityProblems(path: String) -> [String] {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let rows = try DatabaseQueue(path: path, configuration: config).read { db in
                try String.fetchAll(db, sql: "PRAGMA quick_check")
            }
            return rows == ["ok"] ? [] : rows
        } catch {
            return ["\((error as? DatabaseError)?.message ?? "\(error)")"]
        }
    }
}
