/// Migration v21-change-log-by-statement (PostgreSQL only): the change log is written once per
/// statement from its transition table, not once per row. Per row, every message an ingest batch
/// wrote in one statement cost a `to_jsonb` of the whole row (its text and search vector), a nested
/// INSERT, and a NOTIFY of its own (the wake-up fires per INSERT into the log): ~0.1 ms a message
/// and 100,000 notifications queued by an ingest of 100,000. Now a statement writing 1,000 rows
/// logs them with one INSERT and wakes listeners once; a statement that changed nothing logs
/// nothing. What is logged is unchanged: entity, id and origin of every row written.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV21ChangeLogByStatement: PostgresMigration {
    static let identifier = "v21-change-log-by-statement"

    static var statements: [String] {
        [
            // TG_ARGV: the entity, the column naming it ('' for none: agents carry 0). The transition
            // table is `changed` whatever the event (new rows, or the old ones for a DELETE).
            """
            CREATE FUNCTION rapport_log_statement_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                any_row boolean;
            BEGIN
                EXECUTE 'SELECT EXISTS (SELECT 1 FROM changed)' INTO any_row;
                IF NOT any_row THEN RETURN NULL; END IF;
                EXECUTE format('INSERT INTO change_log (origin, entity, entity_id) SELECT $1, $2, %s FROM changed',
                               CASE WHEN TG_ARGV[1] = '' THEN '0' ELSE quote_ident(TG_ARGV[1]) END)
                    USING coalesce(current_setting('rapport.origin', true), ''), TG_ARGV[0];
                RETURN NULL;
            END $$
            """,
        ] + logged.flatMap { table, trigger, entity, id, events in
            // A trigger with a transition table takes one event: one each replaces the row trigger.
            ["DROP TRIGGER \(trigger) ON \(table)"] + events.map { event in
                """
                CREATE TRIGGER \(table)_change_\(event.lowercased()) AFTER \(event) ON \(table)
                    REFERENCING \(event == "DELETE" ? "OLD" : "NEW") TABLE AS changed FOR EACH STATEMENT
                    EXECUTE FUNCTION rapport_log_statement_changes('\(entity)', '\(id)')
                """
            }
        } + ["DROP FUNCTION rapport_log_change()"]
    }

    /// Every table v7 and v14 log, with their row trigger's name and the events it fired on.
    static let logged: [(table: String, trigger: String, entity: String, id: String, events: [String])] =
        PGV7ChangeFeed.logged.map { ($0.table, "\($0.table)_change", $0.entity, $0.id, ["INSERT", "UPDATE", "DELETE"]) } + [
            ("absence", "absence_change", "absence", "id", ["INSERT", "UPDATE", "DELETE"]),
            ("cover_log", "cover_log_change", "cover", "id", ["INSERT"]),
            ("mention", "mention_change", "mention", "message_id", ["INSERT"]),
            ("for_you_seen", "for_you_seen_change", "forYouSeen", "", ["INSERT", "UPDATE"]),
        ]
}
