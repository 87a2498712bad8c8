import GRDB

/// Migration v14-cover-while-away: an agent's absence (`absence`: until when, who covers, one row per
/// agent away) and the cover log (`cover_log`: each reply a coverer wrote to an away owner's customer;
/// the owner does not change, so the assignment log has nothing to say); the agents a note mentions
/// (`mention`) and when each agent last looked at "For you" (`for_you_seen`), whose takeovers are read
/// from the assignment log (`assignment_from_owner`). All feed the change log, so another inbox sees them.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V14CoverWhileAway: StoreMigration {
    static let identifier = "v14-cover-while-away"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE absence (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE REFERENCES agent(login),
                until REAL NOT NULL,
                cover TEXT NOT NULL REFERENCES agent(login),
                set_by TEXT NOT NULL,
                since REAL NOT NULL
            );
            CREATE TABLE cover_log (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                owner TEXT NOT NULL,
                coverer TEXT NOT NULL,
                message_id INTEGER NOT NULL REFERENCES message(id),
                at REAL NOT NULL
            );
            CREATE INDEX cover_log_customer ON cover_log(customer_id, id);
            CREATE TRIGGER absence_change_insert AFTER INSERT ON absence
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'absence', new.id); END;
            CREATE TRIGGER absence_change_update AFTER UPDATE ON absence
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'absence', new.id); END;
            CREATE TRIGGER absence_change_delete AFTER DELETE ON absence
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'absence', old.id); END;
            CREATE TRIGGER cover_log_change_insert AFTER INSERT ON cover_log
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'cover', new.id); END;
            CREATE TABLE mention (
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                agent TEXT NOT NULL REFERENCES agent(login),
                PRIMARY KEY (agent, message_id)
            ) WITHOUT ROWID;
            CREATE TABLE for_you_seen (
                agent TEXT PRIMARY KEY NOT NULL REFERENCES agent(login),
                seen_at REAL NOT NULL
            );
            CREATE INDEX assignment_from_owner ON assignment(from_owner, at);
            CREATE TRIGGER mention_change_insert AFTER INSERT ON mention
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'mention', new.message_id); END;
            CREATE TRIGGER for_you_seen_change_insert AFTER INSERT ON for_you_seen
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'forYouSeen', new.rowid); END;
            CREATE TRIGGER for_you_seen_change_update AFTER UPDATE ON for_you_seen
                BEGIN INSERT INTO change_log (origin, entity, entity_id) VALUES (rapport_origin(), 'forYouSeen', new.rowid); END;
            """)
    }
}
