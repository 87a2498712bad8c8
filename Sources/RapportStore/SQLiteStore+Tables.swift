import Foundation
import GRDB
import RapportCore

/// The tables as plain rows, for `rapport store copy` (see `StoreCopy`).
extension SQLiteStore: StoreTableSource {
    public func readTables(_ tables: [String], batchSize: Int,
                           into body: (String, [String], [[StoreValue]]) throws -> Void) throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for table in tables {
                let columns = try db.columns(in: table).map(\.name)
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table) ORDER BY \(try Self.key(db, table))")
                var batch: [[StoreValue]] = []
                var count = 0
                while let row = try rows.next() {
                    batch.append(row.databaseValues.map(StoreValue.init))
                    count += 1
                    if batch.count == batchSize { try body(table, columns, batch); batch.removeAll(keepingCapacity: true) }
                }
                if !batch.isEmpty { try body(table, columns, batch) }
                counts[table] = count
            }
            return counts
        }
    }

    /// The primary key's columns (rowid for a table without one), so rows come in a stable order.
    private static func key(_ db: Database, _ table: String) throws -> String {
        let primary = try db.primaryKey(table).columns
        return primary.isEmpty ? "rowid" : primary.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension StoreValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let int): self = .integer(int)
        case .double(let double): self = .real(double)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}
