import GRDB

/// Migration v19-reply-attachments: files attached to replies. A draft keeps where its files are
/// (`draft.attachments`, JSON: path, name, size); a queued reply keeps their bytes
/// (`outgoing_attachment`, base64 text, so `rapport store copy` moves them as text), because the
/// machine that delivers it (`rapport sync` on the mail host) is not the laptop the files were on.
/// Shipped: never edit it; change the schema with a new numbered migration (then `scripts/schema-doc`).
enum V19ReplyAttachments: StoreMigration {
    static let identifier = "v19-reply-attachments"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE draft ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
            CREATE TABLE outgoing_attachment (
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                data_base64 TEXT NOT NULL,
                PRIMARY KEY (message_id, position)
            );
            """)
    }
}
