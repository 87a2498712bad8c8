import GRDB

/// Migration v24-change-log-by-ingest-batch: the change triggers that fire while mail is ingested
/// (new customers and their addresses, new and updated conversations, new messages, a customer
/// becoming existing) log a row only `WHEN rapport_logs_rows()`. That function answers false only
/// on the writer while it files an ingest batch, which then logs the batch once itself; every other
/// write logs row by row as before. Two log inserts a message were ~15% of the ingest writer's
/// instructions. (DECISIONS.md, "An ingest batch is logged once in the change feed".)
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V24ChangeLogByIngestBatch: StoreMigration {
    static let identifier = "v24-change-log-by-ingest-batch"

    static func migrate(_ db: Database) throws {
        let triggers: [(name: String, event: String, table: String, entity: String, id: String)] = [
            ("customer_change_insert", "INSERT", "customer", "customer", "new.id"),
            ("customer_change_update", "UPDATE", "customer", "customer", "new.id"),
            ("customer_address_change_insert", "INSERT", "customer_address", "customer", "new.customer_id"),
            ("conversation_change_insert", "INSERT", "conversation", "conversation", "new.id"),
            ("conversation_change_update", "UPDATE", "conversation", "conversation", "new.id"),
            ("message_change_insert", "INSERT", "message", "message", "new.id"),
        ]
        for trigger in triggers {
            try db.execute(sql: """
                DROP TRIGGER \(trigger.name);
                CREATE TRIGGER \(trigger.name) AFTER \(trigger.event) ON \(trigger.table) WHEN rapport_logs_rows()
                    BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), '\(trigger.entity)', \(trigger.id)); END;
                """)
        }
    }
}
