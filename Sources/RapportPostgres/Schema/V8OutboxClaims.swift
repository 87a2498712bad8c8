/// Migration v8-outbox-claims (as SQLite's): an outbox item can need a person's decision, and a
/// delivery under way is claimed by a process until a time. PostgreSQL changes the CHECK in place.
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV8OutboxClaims: PostgresMigration {
    static let identifier = "v8-outbox-claims"

    static let statements = [
        "ALTER TABLE outbox DROP CONSTRAINT outbox_state_check",
        "ALTER TABLE outbox ADD CONSTRAINT outbox_state_check CHECK (state IN ('queued','sending','sent','failed','needs_decision'))",
        "ALTER TABLE outbox ADD COLUMN claimed_by text",
        "ALTER TABLE outbox ADD COLUMN claim_until double precision",
    ]
}
