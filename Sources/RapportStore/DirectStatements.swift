import GRDB
import SQLiteSwitches

/// A value bound to a statement run through SQLite's C API (`Database.runDirect`).
enum DirectValue {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)

    static func text(_ value: String?) -> DirectValue { value.map(DirectValue.text) ?? .null }
    static func integer(_ value: Int64?) -> DirectValue { value.map(DirectValue.integer) ?? .null }
}

extension Database {
    /// Runs a cached statement through SQLite's C API, binding `values` to `?1`, `?2`…, and returns the
    /// first column of its first row (nil for no row or NULL). For the statements ingest runs for
    /// every message (lookups, the message, its conversation, its seen record): GRDB's argument arrays,
    /// cursors and observation hooks around them cost as much as SQLite's own work for a lookup and
    /// ~15% of it for an insert (callgrind, "Measuring ingest with instruction counts"). Nothing here
    /// begins or ends a transaction, so GRDB's view of the connection stays true; Rapport observes no
    /// database regions through GRDB (other processes learn of changes from `change_log`).
    @discardableResult
    func runDirect(_ sql: String, _ values: DirectValue...) throws -> Int64? {
        let handle = try cachedStatement(sql: sql).sqliteStatement
        // Reset, not cleared: every call binds every parameter again (so does GRDB).
        defer { sqlite3_reset(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case let .text(text):
                text.withCString { sqlite3_bind_text(handle, index, $0, Int32(text.utf8.count), directTransient) }
            case let .integer(number): sqlite3_bind_int64(handle, index, number)
            case let .real(number): sqlite3_bind_double(handle, index, number)
            }
            guard code == SQLITE_OK else { throw directFailure(code, sql) }
        }
        // A write is done at its first step; a lookup needs only its first row (the reset ends it).
        switch sqlite3_step(handle) {
        case SQLITE_DONE: return nil
        case SQLITE_ROW: return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case let code: throw directFailure(code, sql)
        }
    }

    private func directFailure(_ code: Int32, _ sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
    }
}

/// SQLite copies bound text: a Swift string's C buffer lives only for the call that binds it.
private let directTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
