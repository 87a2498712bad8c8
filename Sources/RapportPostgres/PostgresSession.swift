import Foundation
import Logging
import PostgresNIO

/// A parameter of a statement: any value postgres-nio can send, or NULL.
typealias SQLArgument = (any PostgresThrowingDynamicTypeEncodable)?

/// One connection used synchronously: the store port is synchronous (DECISIONS.md, "PostgreSQL
/// behind a synchronous port"), so each statement is sent on the connection's event loop and the
/// calling thread waits for its answer. Never called on an event loop thread (the store is used by
/// the CLI, the inbox's effect threads and tests, none of which run on NIO's loops).
final class PostgresSession: @unchecked Sendable {
    // @unchecked: used by one transaction at a time, under `PostgresStore.lock`.
    let connection: PostgresConnection
    private let logger: Logger

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs one statement (with `$1`, `$2`… placeholders) and returns its rows and how many it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLArgument] = []) throws -> SQLResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            if let argument { try binds.append(argument) } else { binds.appendNull() }
        }
        let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        return SQLResult(rows: result.rows.map { SQLRow($0.makeRandomAccess()) }, changes: result.metadata.rows ?? 0)
    }

    func rows(_ sql: String, _ arguments: [SQLArgument] = []) throws -> [SQLRow] {
        try execute(sql, arguments).rows
    }

    func row(_ sql: String, _ arguments: [SQLArgument] = []) throws -> SQLRow? {
        try execute(sql, arguments).rows.first
    }

    /// The first column of the first row (nil when there is no row or it is NULL).
    func value<T: PostgresDecodable>(_ sql: String, _ arguments: [SQLArgument] = [], as type: T.Type = T.self) throws -> T? {
        guard let row = try row(sql, arguments) else { return nil }
        return row[0] as T?
    }
}

struct SQLResult {
    var rows: [SQLRow]
    /// Rows inserted, updated or deleted.
    var changes: Int
}

/// A row read by name or position. A column that does not decode as the type asked is a bug in
/// the adapter's SQL, not a condition to handle: it stops with the column's name.
struct SQLRow {
    let row: PostgresRandomAccessRow
    init(_ row: PostgresRandomAccessRow) { self.row = row }

    subscript<T: PostgresDecodable>(_ column: String) -> T {
        do { return try row[column].decode(T.self) } catch {
            preconditionFailure("column \(column) does not read as \(T.self): \(String(reflecting: error))")
        }
    }

    subscript<T: PostgresDecodable>(_ index: Int) -> T {
        do { return try row[index].decode(T.self) } catch {
            preconditionFailure("column \(index) does not read as \(T.self): \(String(reflecting: error))")
        }
    }

    /// A REAL-seconds column as a date.
    func date(_ column: String) -> Date { Date(timeIntervalSince1970: self[column] as Double) }
    /// A nullable REAL-seconds column as a date.
    func dateIfAny(_ column: String) -> Date? { (self[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
}
