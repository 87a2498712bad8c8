import Foundation
import RapportCore

extension PostgresStore {
    public func importHeadsUps(_ rows: [HeadsUpImport.Row],
                               message: (HeadsUpImport.Row, Customer, Agent?) throws -> PreparedMessage) throws -> Int {
        try write { db in
            var created = 0
            let now = Date()
            for row in rows {
                guard let customer = try Self.customer(db, email: row.email) else {
                    throw RapportError.unknownCustomer(row.email)
                }
                guard let eventID = try db.value("""
                    INSERT INTO headsup_event (customer_id, kind, effective_date, details, due) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT DO NOTHING RETURNING id
                    """, [customer.id, row.kind, row.effectiveDate.timeIntervalSince1970, row.details,
                          row.due.timeIntervalSince1970], as: Int64.self) else { continue }   // imported before: nothing new
                let owner = try customer.owner.flatMap { try Self.agent(db, login: $0) }
                let prepared = try message(row, customer, owner)
                let conversation = try Self.startConversation(db, customer: customer.id, subject: prepared.subject, at: now)
                try Self.savePreparedDraft(db, conversation: conversation.id, owner: customer.owner, text: prepared.text,
                                           due: row.due, at: now)
                try db.execute("UPDATE headsup_event SET conversation_id = $1 WHERE id = $2", [conversation.id, eventID])
                created += 1
            }
            return created
        }
    }

    public func headsUpQueue(agent: String) throws -> [HeadsUpItem] {
        try read { db in
            try db.rows("""
                SELECT e.conversation_id, e.customer_id, cu.first_name, cu.last_name, e.kind, e.effective_date, e.due
                FROM headsup_event e
                JOIN customer cu ON cu.id = e.customer_id
                JOIN draft d ON d.conversation_id = e.conversation_id AND d.agent = $1
                WHERE e.told IS NULL
                ORDER BY e.due, e.id
                """, [agent]).map { row in
                HeadsUpItem(conversationID: row["conversation_id"], customerID: row["customer_id"],
                            customerName: Self.name(row["first_name"], row["last_name"]), kind: row["kind"],
                            effectiveDate: row.date("effective_date"), due: row.date("due"))
            }
        }
    }

    public func headsUpStatus(now: Date) throws -> [HeadsUpStatusRow] {
        try read { db in
            try db.rows("""
                SELECT kind, effective_date, count(*) AS affected,
                       count(*) FILTER (WHERE told IS NOT NULL) AS told,
                       count(*) FILTER (WHERE told IS NULL AND due >= $1) AS pending,
                       count(*) FILTER (WHERE told IS NULL AND due < $1) AS overdue
                FROM headsup_event GROUP BY kind, effective_date ORDER BY effective_date, kind
                """, [now.timeIntervalSince1970]).map { row in
                HeadsUpStatusRow(kind: row["kind"], effectiveDate: ISODate.format(row.date("effective_date")),
                                 affected: row["affected"], told: row["told"], pending: row["pending"], overdue: row["overdue"])
            }
        }
    }
}
