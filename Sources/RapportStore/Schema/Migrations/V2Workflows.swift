import GRDB

/// Migration v2-workflows: the relationship workflows: the thank-you conversation of a referral, prepared drafts.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V2Workflows: StoreMigration {
    static let identifier = "v2-workflows"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- The conversation holding the thank-you to the referrer, so sending it marks the referral thanked.
            ALTER TABLE customer ADD COLUMN referral_thanks_conversation INTEGER REFERENCES conversation(id);
            -- Drafts Rapport prepared (heads-up, thank-you) follow the customer's owner when it changes;
            -- agent '' holds them while the customer has no owner.
            ALTER TABLE draft ADD COLUMN prepared INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX draft_agent_due ON draft(agent, due);
            CREATE INDEX headsup_event_conversation ON headsup_event(conversation_id);
            """)
    }
}
