import GRDB

/// Migration v17-presence: where each agent's inbox says they are (`presence`: one row per agent,
/// replaced by each heartbeat). No change-log triggers: heartbeats would wake every inbox every few
/// seconds for nothing; inboxes read this small table on their clock instead (`PresenceRule`). Not
/// copied by `rapport store copy`: it only says what is happening now.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V17Presence: StoreMigration {
    static let identifier = "v17-presence"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE presence (
                agent TEXT PRIMARY KEY NOT NULL REFERENCES agent(login),
                conversation_id INTEGER NOT NULL,
                activity TEXT NOT NULL CHECK (activity IN ('viewing', 'replying')),
                at REAL NOT NULL
            );
            """)
    }
}
