import Foundation
import RapportCore
import RapportStore
import TestSupport
import Testing

/// Every adapter the contract suite runs against. The only file of the suite that knows an
/// adapter: a new adapter (PostgreSQL) is one more line in `all`.
enum StoreFactories {
    static let all: [StoreFactory] = [
        StoreFactory(name: "SQLite") { try SQLiteDatabase() },
    ]
}

/// Makes an empty database for one test; `open()` on it gives a new store instance on the same data
/// each time (two instances stand for two processes).
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let makeDatabase: @Sendable () throws -> any TestDatabase
    var testDescription: String { name }
}

protocol TestDatabase: AnyObject {
    func open() throws -> any StorePort
}

/// A real SQLite file in a temporary folder, removed with the last reference.
final class SQLiteDatabase: TestDatabase {
    let folder: TemporaryDirectory
    let path: String

    init() throws {
        folder = try TemporaryDirectory(prefix: "rapport-contract")
        path = folder.path("rapport.sqlite")
    }

    func open() throws -> any StorePort { try SQLiteStore(path: path, create: true) }
}
