import Foundation
import RapportCore

extension PostgresStore {
    public func setAbsence(_ absence: Absence) throws {
        try write { db in
            try db.execute("""
                INSERT INTO absence (login, until, cover, set_by, since) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (login) DO UPDATE SET until = excluded.until, cover = excluded.cover,
                    set_by = excluded.set_by, since = excluded.since
                """, [absence.login, absence.until.timeIntervalSince1970, absence.cover, absence.setBy,
                      absence.since.timeIntervalSince1970])
        }
    }

    public func endAbsence(login: String) throws -> Absence? {
        try write { db in
            try db.row("DELETE FROM absence WHERE login = $1 RETURNING *", [login]).map(Absence.init(row:))
        }
    }

    public func absences() throws -> [Absence] {
        try read { db in try db.rows("SELECT * FROM absence ORDER BY login").map(Absence.init(row:)) }
    }

    public func coverLog(customer: CustomerID) throws -> [CoverEntry] {
        try read { db in
            try db.rows("SELECT * FROM cover_log WHERE customer_id = $1 ORDER BY id", [customer]).map(CoverEntry.init(row:))
        }
    }
}

extension Absence {
    init(row: SQLRow) {
        self.init(login: row["login"], until: row.date("until"), cover: row["cover"], setBy: row["set_by"],
                  since: row.date("since"))
    }
}

extension CoverEntry {
    init(row: SQLRow) {
        self.init(customerID: row["customer_id"], owner: row["owner"], coverer: row["coverer"],
                  messageID: row["message_id"], at: row.date("at"))
    }
}
