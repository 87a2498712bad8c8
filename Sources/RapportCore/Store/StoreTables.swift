import Foundation

/// One value of a stored row, as both adapters hold it (SQLite's storage classes; PostgreSQL's
/// columns are the same, booleans aside, which its adapter reads from 0 and 1).
public enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A store's tables read as plain rows, for moving a team's store to another adapter
/// (`rapport store copy`). Not part of `StorePort`: only the copy needs it.
public protocol StoreTableSource: Sendable {
    /// Reads `tables` in that order, in one snapshot, handing over rows a batch at a time (ordered by
    /// the table's key), and returns how many rows each table gave.
    func readTables(_ tables: [String], batchSize: Int,
                    into body: (_ table: String, _ columns: [String], _ rows: [[StoreValue]]) throws -> Void) throws -> [String: Int]
}

/// A store that can take such rows, all in one transaction.
public protocol StoreTableTarget: Sendable {
    /// How many rows each table holds now.
    func rowCounts(_ tables: [String]) throws -> [String: Int]
    /// Runs `body` in one transaction: every row it inserts is written, or none. Keys are kept as
    /// given, and the store's id counters continue after them.
    func importTables(_ body: (any StoreTableWriter) throws -> Void) throws
}

public protocol StoreTableWriter {
    func insert(into table: String, columns: [String], rows: [[StoreValue]]) throws
}
