import GRDB

/// Migration v7-change-feed: the change log. Every write to a table the inbox shows appends a row
/// (which entity, its id, and the origin: the writing store instance, from the connection's
/// `rapport_origin()` function), through triggers, so no writer can forget it. A process reads what
/// changed since the last sequence it saw and recognises its own writes (DECISIONS.md, "A change feed").
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V7ChangeFeed: StoreMigration {
    static let identifier = "v7-change-feed"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE change_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                origin TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id INTEGER NOT NULL
            );
            -- Bounded: every 1,000th change drops what is older than the last 10,000.
            CREATE TRIGGER change_log_prune AFTER INSERT ON change_log WHEN new.seq % 1000 = 0
                BEGIN DELETE FROM change_log WHERE seq <= new.seq - 10000; END;
            CREATE TRIGGER agent_change_insert AFTER INSERT ON agent
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'agent', new.rowid); END;
            CREATE TRIGGER agent_change_update AFTER UPDATE ON agent
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'agent', new.rowid); END;
            CREATE TRIGGER agent_change_delete AFTER DELETE ON agent
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'agent', old.rowid); END;
            CREATE TRIGGER customer_change_insert AFTER INSERT ON customer
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', new.id); END;
            CREATE TRIGGER customer_change_update AFTER UPDATE ON customer
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', new.id); END;
            CREATE TRIGGER customer_change_delete AFTER DELETE ON customer
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', old.id); END;
            CREATE TRIGGER customer_address_change_insert AFTER INSERT ON customer_address
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', new.customer_id); END;
            CREATE TRIGGER customer_address_change_update AFTER UPDATE ON customer_address
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', new.customer_id); END;
            CREATE TRIGGER customer_address_change_delete AFTER DELETE ON customer_address
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'customer', old.customer_id); END;
            CREATE TRIGGER assignment_change_insert AFTER INSERT ON assignment
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'assignment', new.id); END;
            CREATE TRIGGER assignment_change_update AFTER UPDATE ON assignment
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'assignment', new.id); END;
            CREATE TRIGGER assignment_change_delete AFTER DELETE ON assignment
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'assignment', old.id); END;
            CREATE TRIGGER conversation_change_insert AFTER INSERT ON conversation
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'conversation', new.id); END;
            CREATE TRIGGER conversation_change_update AFTER UPDATE ON conversation
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'conversation', new.id); END;
            CREATE TRIGGER conversation_change_delete AFTER DELETE ON conversation
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'conversation', old.id); END;
            CREATE TRIGGER message_change_insert AFTER INSERT ON message
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'message', new.id); END;
            CREATE TRIGGER message_change_update AFTER UPDATE ON message
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'message', new.id); END;
            CREATE TRIGGER message_change_delete AFTER DELETE ON message
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'message', old.id); END;
            CREATE TRIGGER conversation_seen_change_insert AFTER INSERT ON conversation_seen
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'seen', new.conversation_id); END;
            CREATE TRIGGER conversation_seen_change_update AFTER UPDATE ON conversation_seen
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'seen', new.conversation_id); END;
            CREATE TRIGGER conversation_seen_change_delete AFTER DELETE ON conversation_seen
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'seen', old.conversation_id); END;
            CREATE TRIGGER draft_change_insert AFTER INSERT ON draft
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'draft', new.conversation_id); END;
            CREATE TRIGGER draft_change_update AFTER UPDATE ON draft
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'draft', new.conversation_id); END;
            CREATE TRIGGER draft_change_delete AFTER DELETE ON draft
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'draft', old.conversation_id); END;
            CREATE TRIGGER headsup_event_change_insert AFTER INSERT ON headsup_event
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'headsUp', new.id); END;
            CREATE TRIGGER headsup_event_change_update AFTER UPDATE ON headsup_event
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'headsUp', new.id); END;
            CREATE TRIGGER headsup_event_change_delete AFTER DELETE ON headsup_event
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'headsUp', old.id); END;
            CREATE TRIGGER outbox_change_insert AFTER INSERT ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', new.id); END;
            CREATE TRIGGER outbox_change_update AFTER UPDATE ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', new.id); END;
            CREATE TRIGGER outbox_change_delete AFTER DELETE ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', old.id); END;
            """)
    }
}
