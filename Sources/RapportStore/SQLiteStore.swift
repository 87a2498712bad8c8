import Foundation
import GRDB
import RapportCore

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

    /// `PRAGMA application_id` of a Rapport store ("RAPP"), so we never write into someone else's file.
    static let applicationID: Int32 = 0x5241_5050

    /// Opens the store at `path`. With `create`, a missing file (and its parent folders) is created
    /// with owner-only permissions; without it a missing file is an error.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard create else {
                throw RapportError.invalid("no Rapport store at \(path); create one with `rapport init`")
            }
            try Self.createEmptyFile(at: path)
        } else {
            try Self.checkIsRapportStore(path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "rapport"
        let origin = origin
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("rapport_origin", argumentCount: 0, pure: true) { _ in origin })
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.createOrMigrate(pool)
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

    /// Refuses any existing file that is not empty, not a SQLite database carrying our application id,
    /// and not an empty SQLite database, without writing a byte to it.
    private static func checkIsRapportStore(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RapportError.invalid("cannot read \(path)")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }
        guard header.count >= 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw RapportError.notARapportStore(path)
        }
        // Ask SQLite itself (read-only): with WAL the header on disk may lag behind committed pages.
        var config = Configuration()
        config.readonly = true
        let (appID, tables) = try DatabaseQueue(path: path, configuration: config).read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
        }
        if appID == applicationID { return }
        // Only an empty SQLite database may become a store.
        if appID != 0 || tables != 0 { throw RapportError.notARapportStore(path) }
    }
}
