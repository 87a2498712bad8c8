import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// The answers the ingest rules ask for, read inside the batch's transaction: each one sees the
    /// messages, customers and conversations written earlier in the same batch. Plain lookups, no decisions.
    struct BatchFacts: IngestFacts {
        let db: Database
        /// Agent logins by normalised address, read once per batch (agents do not change mid-batch:
        /// the batch holds the write lock).
        let agents: [String: String]

        init(_ db: Database) throws {
            self.db = db
            agents = agentLoginsByAddress(try Row.fetchAll(db, sql: "SELECT login, email FROM agent").map { ($0["login"], $0["email"]) })
        }

        /// `SELECT EXISTS (SELECT 1 FROM message WHERE message_id = ?)`
        func isStored(messageID: String) throws -> Bool {
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM message WHERE message_id = ?)"),
                              arguments: [messageID]) == true
        }

        /// `SELECT EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = ?)`
        func isSeen(dedupKey: String) throws -> Bool {
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = ?)"),
                              arguments: [dedupKey]) == true
        }

        /// Both probes in one statement: one step per message instead of two.
        func isStoredOrSeen(messageID: String?, dedupKey: String) throws -> Bool {
            try db.runDirect("""
                SELECT EXISTS (SELECT 1 FROM message WHERE message_id = ?) OR EXISTS (SELECT 1 FROM ingest_seen WHERE dedup_key = ?)
                """, .text(messageID), .text(dedupKey)) == 1
        }

        func agent(at address: String) -> String? {
            agents[address]
        }

        /// `SELECT customer_id FROM customer_address WHERE address = ?`
        func customer(at address: String) throws -> CustomerID? {
            try db.runDirect("SELECT customer_id FROM customer_address WHERE address = ?", .text(address))
        }

        func conversation(of customer: CustomerID, holding messageID: String) throws -> ConversationID? {
            try db.runDirect("""
                SELECT m.conversation_id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.message_id = ? AND c.customer_id = ? LIMIT 1
                """, .text(messageID), .integer(customer))
        }

        func conversation(of customer: CustomerID, normalizedSubject: String,
                          activeIn activity: ClosedRange<TimeInterval>) throws -> ConversationID? {
            try ConversationID.fetchOne(db.cachedStatement(sql: """
                SELECT id FROM conversation
                WHERE customer_id = ? AND normalized_subject = ? AND last_activity BETWEEN ? AND ?
                ORDER BY last_activity DESC LIMIT 1
                """), arguments: [customer, normalizedSubject, activity.lowerBound, activity.upperBound])
        }
    }
}
