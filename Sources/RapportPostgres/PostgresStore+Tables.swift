import Foundation
import PostgresNIO
import RapportCore

/// Taking a whole store's rows (`rapport store copy`, see `StoreCopy`).
extension PostgresStore: StoreTableTarget {
    public func rowCounts(_ tables: [String]) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try db.value("SELECT count(*) FROM \(PostgresDatabases.quoted(table))") ?? 0 }
            return counts
        }
    }

    public func importTables(_ body: (any StoreTableWriter) throws -> Void) throws {
        try write { db in
            let writer = try TableWriter(db)
            try body(writer)
            try writer.finish()
        }
    }

    /// Inserts rows as they are (ids included), many per statement. Two columns of `customer` point
    /// forward (to a customer or a conversation copied later): they are written once everything is in.
    final class TableWriter: StoreTableWriter {
        static let later: [String: Set<String>] = ["customer": ["referred_by", "referral_thanks_conversation"]]
        let db: PostgresSession
        /// Each table's column types, to read SQLite's 0 and 1 as booleans.
        let types: [String: [String: String]]
        var laterUpdates: [(table: String, key: StoreValue, values: [(String, StoreValue)])] = []

        init(_ db: PostgresSession) throws {
            self.db = db
            var types: [String: [String: String]] = [:]
            for row in try db.rows("""
                SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()
                """) {
                types[row[0], default: [:]][row[1]] = row[2]
            }
            self.types = types
        }

        func insert(into table: String, columns: [String], rows: [[StoreValue]]) throws {
            guard !rows.isEmpty else { return }
            let held = Self.later[table] ?? []
            let kept = columns.indices.filter { !held.contains(columns[$0]) }
            let columnTypes = types[table] ?? [:]
            var arguments: [SQLArgument] = []
            var tuples: [String] = []
            for row in rows {
                var marks: [String] = []
                for index in kept {
                    arguments.append(Self.argument(row[index], type: columnTypes[columns[index]]))
                    marks.append("$\(arguments.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
                let postponed = columns.indices.filter { held.contains(columns[$0]) && row[$0] != .null }
                if !postponed.isEmpty, let id = columns.firstIndex(of: "id") {
                    laterUpdates.append((table, row[id], postponed.map { (columns[$0], row[$0]) }))
                }
            }
            let names = kept.map { PostgresDatabases.quoted(columns[$0]) }.joined(separator: ", ")
            try db.execute("INSERT INTO \(PostgresDatabases.quoted(table)) (\(names)) VALUES \(tuples.joined(separator: ", "))",
                           arguments)
        }

        /// The forward pointers, then every id counter moved past the ids copied.
        func finish() throws {
            for update in laterUpdates {
                let sets = update.values.enumerated().map { "\(PostgresDatabases.quoted($1.0)) = $\($0 + 2)" }
                try db.execute("UPDATE \(PostgresDatabases.quoted(update.table)) SET \(sets.joined(separator: ", ")) WHERE id = $1",
                               [Self.argument(update.key, type: "bigint")]
                                   + update.values.map { Self.argument($0.1, type: "bigint") })
            }
            for row in try db.rows("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
                """) {
                let table: String = row[0]
                try db.execute("""
                    SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM \(PostgresDatabases.quoted(table))), false)
                    """, [table])
            }
        }

        static func argument(_ value: StoreValue, type: String?) -> SQLArgument {
            switch value {
            case .null: nil
            case .integer(let int) where type == "boolean": int != 0
            case .integer(let int) where type == "double precision": Double(int)
            case .integer(let int): int
            case .real(let double): double
            case .text(let text): text
            }
        }
    }
}
