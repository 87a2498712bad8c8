import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func setAbsence(_ absence: Absence) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO absence (login, until, cover, set_by, since) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (login) DO UPDATE SET until = excluded.until, cover = excluded.cover,
                    set_by = excluded.set_by, since = excluded.since
                """, arguments: [absence.login, absence.until.timeIntervalSince1970, absence.cover, absence.setBy,
                                 absence.since.timeIntervalSince1970])
        }
    }

    public func endAbsence(login: String) throws -> Absence? {
        try pool.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM absence WHERE login = ?", arguments: [login])
            try db.execute(sql: "DELETE FROM absence WHERE login = ?", arguments: [login])
            return row.map(Absence.init(row:))
        }
    }

    public func absences() throws -> [Absence] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM absence ORDER BY login").map(Absence.init(row:))
        }
    }

    public func coverLog(customer: CustomerID) throws -> [CoverEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cover_log WHERE customer_id = ? ORDER BY id", arguments: [customer])
                .map(CoverEntry.init(row:))
        }
    }

    static func logCover(_ db: Database, _ entry: CoverEntry) throws {
        try db.execute(sql: """
            INSERT INTO cover_log (customer_id, owner, coverer, message_id, at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [entry.customerID, entry.owner, entry.coverer, entry.messageID, entry.at.timeIntervalSince1970])
    }
}

extension Absence {
    init(row: Row) {
        self.init(login: row["login"], until: Date(timeIntervalSince1970: row["until"]), cover: row["cover"],
                  setBy: row["set_by"], since: Date(timeIntervalSince1970: row["since"]))
    }
}

extension CoverEntry {
    init(row: Row) {
        self.init(customerID: row["customer_id"], owner: row["owner"], coverer: row["coverer"],
                  messageID: row["message_id"], at: Date(timeIntervalSince1970: row["at"]))
    }
}
