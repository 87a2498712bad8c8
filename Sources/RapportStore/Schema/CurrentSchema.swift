import GRDB

/// The complete schema of a store today, in one place: what a new store is created with. A store
/// made before runs the numbered migrations in Migrations/ instead, and both end with the same
/// tables, indexes and triggers (a test compares them). Changing the schema means a new numbered
/// migration AND the same change here.
enum CurrentSchema {
    /// Creates every table, index and trigger in an empty database.
    static func create(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(SQLiteStore.applicationID)")
        try db.execute(sql: sql)
    }

    static let sql = """
        -- MARK: Agents and customers

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
            referral_thanked REAL,
            -- The conversation holding the thank-you to the referrer, so sending it marks the referral thanked.
            referral_thanks_conversation INTEGER REFERENCES conversation(id)
        );
        CREATE INDEX customer_owner ON customer(owner);
        CREATE INDEX customer_referred_by ON customer(referred_by);
        -- Every outbound message marks a thank-you conversation as sent: this index keeps that UPDATE a seek.
        CREATE INDEX customer_referral_thanks ON customer(referral_thanks_conversation)
            WHERE referral_thanks_conversation IS NOT NULL;
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

        -- MARK: Conversations and messages

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
        -- List pages walk this index in list order (keyset pagination over last_activity, id).
        CREATE INDEX conversation_activity ON conversation(last_activity, id);
        CREATE INDEX conversation_customer ON conversation(customer_id, normalized_subject, last_activity);
        CREATE INDEX conversation_status ON conversation(status, last_activity, id);
        -- The status bar's counts per owner read only this index (customer → conversations).
        CREATE INDEX conversation_customer_status ON conversation(customer_id, status, message_count);
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
        -- Covers the sidebar's figures, which read every message of a customer without its text.
        CREATE INDEX message_conversation ON message(conversation_id, date, id, direction, author);
        CREATE INDEX message_message_id ON message(message_id);
        -- Search maps matching message ids to conversations without reading message rows.
        CREATE INDEX message_id_conversation ON message(id, conversation_id);
        CREATE TABLE conversation_seen (
            conversation_id INTEGER NOT NULL REFERENCES conversation(id),
            agent TEXT NOT NULL,
            seen_at REAL NOT NULL,
            PRIMARY KEY (conversation_id, agent)
        ) WITHOUT ROWID;

        -- MARK: Full-text search

        -- Which messages hold a word, not where (detail=none); case and accents are ignored.
        CREATE VIRTUAL TABLE message_fts USING fts5(
            subject, text, content='message', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', detail=none
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
        -- The index's words, for completing the last word typed (the 'instance' kind seeks).
        CREATE VIRTUAL TABLE message_fts_vocab USING fts5vocab(message_fts, instance);

        -- MARK: Drafts and workflows

        CREATE TABLE draft (
            conversation_id INTEGER NOT NULL REFERENCES conversation(id),
            agent TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('reply','note')),
            text TEXT NOT NULL,
            cursor INTEGER NOT NULL DEFAULT 0,
            updated REAL NOT NULL,
            due REAL,
            -- Drafts Rapport prepared (heads-up, thank-you) follow the customer's owner when it changes;
            -- agent '' holds them while the customer has no owner.
            prepared INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (conversation_id, agent)
        );
        CREATE INDEX draft_agent_due ON draft(agent, due);
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
        CREATE INDEX headsup_event_conversation ON headsup_event(conversation_id);

        -- MARK: Mail in and out

        -- Every Maildir file an ingest run has handled, keyed by Maildir root + unique name.
        CREATE TABLE ingest_seen (
            seen_key TEXT PRIMARY KEY NOT NULL,
            path TEXT NOT NULL,
            dedup_key TEXT,
            message_id INTEGER REFERENCES message(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('ingested','duplicate','unreadable')),
            reason TEXT,
            at REAL NOT NULL
        );
        CREATE INDEX ingest_seen_dedup ON ingest_seen(dedup_key);
        -- Maildir folders as a complete ingest run left them: an unchanged folder is not listed again.
        CREATE TABLE ingest_folder (
            path TEXT PRIMARY KEY NOT NULL,
            modified_ns INTEGER NOT NULL,
            files INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- Replies waiting for, or past, delivery. The message row itself is in `message`.
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
            -- The process delivering it (`host:pid:start`) and until when its claim holds unrenewed.
            claimed_by TEXT,
            claim_until REAL
        );
        CREATE INDEX outbox_state ON outbox(state, id);

        -- MARK: The change feed

        -- What changed, in order, and which store instance wrote it (`rapport_origin()`, a function
        -- every connection of a store registers), so a process reloads for others' writes only.
        CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            origin TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL
        );
        -- Bounded: every 1,000th change drops what is older than the last 10,000.
        CREATE TRIGGER change_log_prune AFTER INSERT ON change_log WHEN new.seq % 1000 = 0
            BEGIN DELETE FROM change_log WHERE seq <= new.seq - 10000; END;
        -- One trigger per table and kind of write, so no writer can forget to log.
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
        """
}
