import GRDB

/// Migration v8-outbox-claims: an outbox item can need a person's decision (`needs_decision`: the
/// mail system may have taken it), and a delivery under way is claimed by a process until a time
/// (`claimed_by`, `claim_until`), so a second sender leaves a live claim alone.
/// SQLite cannot change a CHECK constraint, so the table is rebuilt: renamed aside (its index and
/// triggers go with it), created anew, filled, and the old one dropped.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V8OutboxClaims: StoreMigration {
    static let identifier = "v8-outbox-claims"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE outbox RENAME TO outbox_v7;
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
                agent TEXT NOT NULL REFERENCES agent(login),
                to_address TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','needs_decision')),
                error TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                queued REAL NOT NULL,
                updated REAL NOT NULL,
                claimed_by TEXT,
                claim_until REAL
            );
            INSERT INTO outbox (id, message_id, agent, to_address, state, error, attempts, queued, updated)
                SELECT id, message_id, agent, to_address, state, error, attempts, queued, updated FROM outbox_v7;
            DROP TABLE outbox_v7;
            CREATE INDEX outbox_state ON outbox(state, id);
            CREATE TRIGGER outbox_change_insert AFTER INSERT ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', new.id); END;
            CREATE TRIGGER outbox_change_update AFTER UPDATE ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', new.id); END;
            CREATE TRIGGER outbox_change_delete AFTER DELETE ON outbox
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'outbox', old.id); END;
            """)
    }
}
