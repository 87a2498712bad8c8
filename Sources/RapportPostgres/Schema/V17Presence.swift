/// Migration v17-presence (as SQLite's): where each agent's inbox says they are, one row per agent,
/// replaced by each heartbeat; not in the change feed (inboxes read it on their clock, `PresenceRule`).
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV17Presence: PostgresMigration {
    static let identifier = "v17-presence"

    static let statements = [
        """
        CREATE TABLE presence (
            agent text PRIMARY KEY NOT NULL REFERENCES agent(login),
            conversation_id bigint NOT NULL,
            activity text NOT NULL CHECK (activity IN ('viewing', 'replying')),
            at double precision NOT NULL
        )
        """,
    ]
}
