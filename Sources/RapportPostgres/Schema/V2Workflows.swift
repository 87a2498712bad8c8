/// Migration v2-workflows (as SQLite's): the thank-you conversation of a referral, prepared drafts.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV2Workflows: PostgresMigration {
    static let identifier = "v2-workflows"

    static let statements = [
        // The conversation holding the thank-you to the referrer, so sending it marks the referral thanked.
        "ALTER TABLE customer ADD COLUMN referral_thanks_conversation bigint REFERENCES conversation(id)",
        // Drafts Rapport prepared (heads-up, thank-you) follow the customer's owner when it changes;
        // agent '' holds them while the customer has no owner.
        "ALTER TABLE draft ADD COLUMN prepared boolean NOT NULL DEFAULT false",
        "CREATE INDEX draft_agent_due ON draft(agent, due)",
        "CREATE INDEX headsup_event_conversation ON headsup_event(conversation_id)",
    ]
}
