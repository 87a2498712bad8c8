import GRDB

/// Migration v1-foundation: the first schema: agents, customers with one owner and the assignment log, conversations,
/// messages with their full-text index, seen marks, drafts and heads-up events.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V1Foundation: StoreMigration {
    static let identifier = "v1-foundation"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(SQLiteStore.applicationID)")
        try db.execute(sql: """
            CREATE TABLE agent (
                login TEXT PRIMARY KEY NOT NULL,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                email TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            -- One owner per customer: a column here, never per conversation.
            CREATE TABLE customer (
                id INTEGER PRIMARY KEY,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                owner TEXT REFERENCES agent(login),
                created REAL NOT NULL,
                is_existing INTEGER NOT NULL DEFAULT 0,
                referred_by INTEGER REFERENCES customer(id),
                referral_source TEXT,
                referral_coupon TEXT,
                referral_recorded REAL,
                referral_thanked REAL
            );
            CREATE INDEX customer_owner ON customer(owner);
            CREATE INDEX customer_referred_by ON customer(referred_by);
            -- An address belongs to exactly one customer.
            CREATE TABLE customer_address (
                address TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                position INTEGER NOT NULL
            );
            CREATE INDEX customer_address_customer ON customer_address(customer_id, position);
            -- The assignment log: every change of owner, written in the same transaction.
            CREATE TABLE assignment (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                from_owner TEXT,
                to_owner TEXT,
                by_agent TEXT NOT NULL,
                note TEXT,
                at REAL NOT NULL
            );
            CREATE INDEX assignment_customer ON assignment(customer_id, id);
            CREATE TABLE conversation (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                subject TEXT NOT NULL,
                normalized_subject TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','closed')),
                snoozed_until REAL,
                created REAL NOT NULL,
                last_activity REAL NOT NULL,
                last_inbound REAL,
                message_count INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX conversation_activity ON conversation(last_activity, id);
            CREATE INDEX conversation_customer ON conversation(customer_id, normalized_subject, last_activity);
            CREATE INDEX conversation_status ON conversation(status, last_activity, id);
            CREATE TABLE message (
                id INTEGER PRIMARY KEY,
                conversation_id INTEGER NOT NULL REFERENCES conversation(id),
                direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound','note')),
                author TEXT,
                from_address TEXT NOT NULL,
                to_addresses TEXT NOT NULL DEFAULT '[]',
                subject TEXT NOT NULL,
                text TEXT NOT NULL,
                message_id TEXT,
                in_reply_to TEXT,
                refs TEXT NOT NULL DEFAULT '[]',
                date REAL NOT NULL,
                attachments TEXT NOT NULL DEFAULT '[]',
                source_path TEXT
            );
            CREATE INDEX message_conversation ON message(conversation_id, date, id);
            CREATE INDEX message_message_id ON message(message_id);
            CREATE VIRTUAL TABLE message_fts USING fts5(
                subject, text, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
            );
            -- The full-text index is kept in step by triggers, so no writer can forget it.
            CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
                INSERT INTO message_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text);
            END;
            CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
                INSERT INTO message_fts(message_fts, rowid, subject, text) VALUES ('delete', old.id, old.subject, old.text);
            END;
            CREATE TRIGGER message_fts_update AFTER UPDATE OF subject, text ON message BEGIN
                INSERT INTO message_fts(message_fts, rowid, subject, text) VALUES ('delete', old.id, old.subject, old.text);
                INSERT INTO message_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text);
            END;
            CREATE TABLE conversation_seen (
                conversation_id INTEGER NOT NULL REFERENCES conversation(id),
                agent TEXT NOT NULL,
                seen_at REAL NOT NULL,
                PRIMARY KEY (conversation_id, agent)
            ) WITHOUT ROWID;
            CREATE TABLE draft (
                conversation_id INTEGER NOT NULL REFERENCES conversation(id),
                agent TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('reply','note')),
                text TEXT NOT NULL,
                cursor INTEGER NOT NULL DEFAULT 0,
                updated REAL NOT NULL,
                due REAL,
                PRIMARY KEY (conversation_id, agent)
            );
            CREATE TABLE headsup_event (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                kind TEXT NOT NULL,
                effective_date REAL NOT NULL,
                details TEXT NOT NULL DEFAULT '',
                due REAL NOT NULL,
                conversation_id INTEGER REFERENCES conversation(id),
                told REAL,
                UNIQUE (customer_id, kind, effective_date)
            );
            """)
    }
}
