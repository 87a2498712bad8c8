/// Migration v7-change-feed (as SQLite's): the change log. Every write to a table the inbox shows
/// appends a row (which entity, its id, and the origin: the writing store instance, which each
/// connection sets as `rapport.origin`), through triggers, so no writer can forget it; and every
/// statement that wrote some wakes listeners with a NOTIFY on `rapport_changes` whose payload is
/// the latest sequence (ids only: the log is the truth). DECISIONS.md, "A change feed on PostgreSQL".
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV7ChangeFeed: PostgresMigration {
    static let identifier = "v7-change-feed"

    /// Tables and what their changes are about, with the column naming the entity (agent rows have
    /// no number: their changes carry 0, and a reader reloads the agents).
    static let logged: [(table: String, entity: String, id: String)] = [
        ("agent", "agent", ""), ("customer", "customer", "id"), ("customer_address", "customer", "customer_id"),
        ("assignment", "assignment", "id"), ("conversation", "conversation", "id"), ("message", "message", "id"),
        ("conversation_seen", "seen", "conversation_id"), ("draft", "draft", "conversation_id"),
        ("headsup_event", "headsUp", "id"), ("outbox", "outbox", "id"),
    ]

    static var statements: [String] {
        [
            """
            CREATE TABLE change_log (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                origin text NOT NULL,
                entity text NOT NULL,
                entity_id bigint NOT NULL
            )
            """,
            // Up to which sequence the log was pruned: a reader further behind has missed changes.
            "CREATE TABLE change_log_pruned (through bigint NOT NULL)",
            "INSERT INTO change_log_pruned (through) VALUES (0)",
            """
            CREATE FUNCTION rapport_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                changed record;
            BEGIN
                IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
                INSERT INTO change_log (origin, entity, entity_id) VALUES (
                    coalesce(current_setting('rapport.origin', true), ''), TG_ARGV[0],
                    CASE WHEN TG_ARGV[1] = '' THEN 0 ELSE (to_jsonb(changed) ->> TG_ARGV[1])::bigint END);
                RETURN NULL;
            END $$
            """,
            // Bounded as SQLite's: every 1,000th change drops what is older than the last 10,000.
            """
            CREATE FUNCTION rapport_prune_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM change_log WHERE seq <= NEW.seq - 10000;
                UPDATE change_log_pruned SET through = greatest(through, NEW.seq - 10000);
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER change_log_prune AFTER INSERT ON change_log FOR EACH ROW WHEN (NEW.seq % 1000 = 0)
                EXECUTE FUNCTION rapport_prune_changes()
            """,
            // One wake-up per writing statement, carrying the latest sequence (delivered at commit).
            """
            CREATE FUNCTION rapport_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('rapport_changes', (SELECT max(seq) FROM change_log)::text);
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER change_log_notify AFTER INSERT ON change_log FOR EACH STATEMENT
                EXECUTE FUNCTION rapport_notify_changes()
            """,
        ] + logged.map { table, entity, id in
            """
            CREATE TRIGGER \(table)_change AFTER INSERT OR UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION rapport_log_change('\(entity)', '\(id)')
            """
        }
    }
}
