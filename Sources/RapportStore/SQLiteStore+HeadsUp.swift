import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func importHeadsUps(_ rows: [HeadsUpImport.Row],
                               message: (HeadsUpImport.Row, Customer, Agent?) throws -> PreparedMessage) throws -> Int {
        try pool.write { db in
            var created = 0
            let now = Date()
            for row in rows {
                guard let customer = try Self.customer(db, email: row.email) else {
                    throw RapportError.unknownCustomer(row.email)
                }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO headsup_event (customer_id, kind, effective_date, details, due)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [customer.id, row.kind, row.effectiveDate.timeIntervalSince1970, row.details,
                                     row.due.timeIntervalSince1970])
                guard db.changesCount > 0 else { continue }   // imported before: nothing new
                let eventID = db.lastInsertedRowID
                let owner = try customer.owner.flatMap { try Self.agent(db, login: $0) }
                let prepared = try message(row, customer, owner)
                let conversation = try Self.startConversation(db, customer: customer.id, subject: prepared.subject, at: now)
                try Self.savePreparedDraft(db, conversation: conversation.id, owner: customer.owner, text: prepared.text,
                                           due: row.due, at: now)
                try db.execute(sql: "UPDATE headsup_event SET conversation_id = ? WHERE id = ?",
                               arguments: [conversation.id, eventID])
                created += 1
            }
            return created
        }
    }

    public func headsUpQueue(agent: String) throws -> [HeadsUpItem] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.conversation_id, e.customer_id, cu.first_name, cu.last_name, e.kind, e.effective_date, e.due
                FROM headsup_event e
                JOIN customer cu ON cu.id = e.customer_id
                JOIN draft d ON d.conversation_id = e.conversation_id AND d.agent = ?
                WHERE e.told IS NULL
                ORDER BY e.due, e.id
                """, arguments: [agent]).map { row in
                HeadsUpItem(conversationID: row["conversation_id"], customerID: row["customer_id"],
                            customerName: Self.name(row["first_name"], row["last_name"]), kind: row["kind"],
                            effectiveDate: Date(timeIntervalSince1970: row["effective_date"]),
                            due: Date(timeIntervalSince1970: row["due"]))
            }
        }
    }

    public func headsUpStatus(now: Date) throws -> [HeadsUpStatusRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT kind, effective_date, count(*) AS affected,
                       sum(told IS NOT NULL) AS told,
                       sum(told IS NULL AND due >= :now) AS pending,
                       sum(told IS NULL AND due < :now) AS overdue
                FROM headsup_event GROUP BY kind, effective_date ORDER BY effective_date, kind
                """, arguments: ["now": now.timeIntervalSince1970]).map { row in
                HeadsUpStatusRow(kind: row["kind"],
                                 effectiveDate: ISODate.format(Date(timeIntervalSince1970: row["effective_date"])),
                                 affected: row["affected"], told: row["told"], pending: row["pending"],
                                 overdue: row["overdue"])
            }
        }
    }
}
