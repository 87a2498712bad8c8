import Foundation
import RapportCore

extension PostgresStore {
    public func saveDraft(_ draft: Draft) throws {
        try write { db in
            try db.execute("""
                INSERT INTO draft (conversation_id, agent, kind, text, cursor, updated, due, attachments)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (conversation_id, agent) DO UPDATE SET
                    kind = excluded.kind, text = excluded.text, cursor = excluded.cursor,
                    updated = excluded.updated, due = COALESCE(excluded.due, draft.due), attachments = excluded.attachments
                """, [draft.conversationID, draft.agent, draft.kind.rawValue, draft.text, draft.cursor,
                      draft.updated.timeIntervalSince1970, draft.due?.timeIntervalSince1970, DraftAttachments.encode(draft.attachments)])
        }
    }

    public func draft(conversation: ConversationID, agent: String) throws -> Draft? {
        try read { db in
            try db.row("SELECT * FROM draft WHERE conversation_id = $1 AND agent = $2", [conversation, agent]).map(Draft.init(row:))
        }
    }

    public func deleteDraft(conversation: ConversationID, agent: String) throws {
        try write { db in try Self.deleteDraft(db, conversation: conversation, agent: agent) }
    }

    static func deleteDraft(_ db: PostgresSession, conversation: ConversationID, agent: String) throws {
        try db.execute("DELETE FROM draft WHERE conversation_id = $1 AND agent = $2", [conversation, agent])
    }

    /// A draft Rapport wrote for the customer's owner ('' while they have none).
    static func savePreparedDraft(_ db: PostgresSession, conversation: ConversationID, owner: String?, text: String,
                                  due: Date?, at: Date) throws {
        try db.execute("""
            INSERT INTO draft (conversation_id, agent, kind, text, cursor, updated, due, prepared)
            VALUES ($1, $2, 'reply', $3, 0, $4, $5, true)
            ON CONFLICT (conversation_id, agent) DO NOTHING
            """, [conversation, owner ?? "", text, at.timeIntervalSince1970, due?.timeIntervalSince1970])
    }
}

extension Draft {
    init(row: SQLRow) {
        self.init(conversationID: row["conversation_id"], agent: row["agent"],
                  kind: DraftKind(rawValue: row["kind"]) ?? .reply, text: row["text"], cursor: row["cursor"],
                  updated: row.date("updated"), due: row.dateIfAny("due"), attachments: DraftAttachments.decode(row["attachments"]))
    }
}
