import Foundation
import RapportCore

/// Moving a team over: copies every table of one store into an empty store of another adapter
/// (SQLite to PostgreSQL), in one transaction on the target, then checks each table's count.
public struct StoreCopy {
    /// Every table of a store, parents before the rows that point at them. The change log is not
    /// copied: the new store starts its own feed.
    public static let tables = [
        "agent", "customer", "customer_address", "assignment", "conversation", "message", "conversation_seen",
        "draft", "headsup_event", "ingest_seen", "ingest_folder", "outbox", "outgoing_attachment",
        "absence", "cover_log", "mention", "for_you_seen",
    ]

    public let source: any StoreTableSource
    public let target: any StoreTableTarget

    public init(source: any StoreTableSource, target: any StoreTableTarget) {
        self.source = source
        self.target = target
    }

    /// The rows copied per table, in `tables` order. Refuses a target holding any row, and fails
    /// (the target's transaction rolled back) when a count read back differs from the source's.
    public func copy(batchSize: Int = 500) throws -> [(table: String, rows: Int)] {
        let before = try target.rowCounts(Self.tables)
        let filled = Self.tables.filter { (before[$0] ?? 0) > 0 }
        guard filled.isEmpty else {
            throw RapportError.invalid("the target store is not empty (\(filled.joined(separator: ", ")) hold rows); "
                                       + "copy only into a new store; nothing was copied")
        }
        var copied: [String: Int] = [:]
        try target.importTables { writer in
            copied = try source.readTables(Self.tables, batchSize: batchSize) { table, columns, rows in
                try writer.insert(into: table, columns: columns, rows: rows)
            }
        }
        let after = try target.rowCounts(Self.tables)
        let wrong = Self.tables.filter { after[$0] != copied[$0] ?? 0 }
        guard wrong.isEmpty else {
            let detail = wrong.map { "\($0): \(copied[$0] ?? 0) read, \(after[$0] ?? 0) in the target" }
            throw RapportError.invalid("the copy does not match the source (\(detail.joined(separator: "; ")))")
        }
        return Self.tables.map { ($0, copied[$0] ?? 0) }
    }
}
