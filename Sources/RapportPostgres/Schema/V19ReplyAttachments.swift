/// Migration v19-reply-attachments (as SQLite's): a draft's attached files (`draft.attachments`,
/// JSON) and a queued reply's attachment bytes (`outgoing_attachment`, base64 text).
/// Shipped: never edit it; change the schema with a new numbered migration.
enum PGV19ReplyAttachments: PostgresMigration {
    static let identifier = "v19-reply-attachments"

    static let statements = [
        "ALTER TABLE draft ADD COLUMN attachments text NOT NULL DEFAULT '[]'",
        """
        CREATE TABLE outgoing_attachment (
            message_id bigint NOT NULL REFERENCES message(id) ON DELETE CASCADE,
            position integer NOT NULL,
            name text NOT NULL,
            content_type text NOT NULL,
            data_base64 text NOT NULL,
            PRIMARY KEY (message_id, position)
        )
        """,
    ]
}
